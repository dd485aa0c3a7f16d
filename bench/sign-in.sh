# Sourced by the bench scripts: sign_in SITE LOGIN_PATH EMAIL prints the sign-in cookie ("cnl.auth=...") of a browser
# that signed in through the real login form (antiforgery token and all) with the benches' password.
sign_in() {
  local jar token cookie
  jar=$(mktemp)
  token=$(curl -sf -c "$jar" -b "$jar" "$1$2" |
    grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/')
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "_handler=login" --data-urlencode "Input.Email=$3" \
    --data-urlencode "Input.Password=a long enough password" "$1/account/login"
  cookie=$(awk '$6 == "cnl.auth" {print "cnl.auth=" $7}' "$jar")
  rm -f "$jar"
  [[ -n $cookie ]] || { echo "could not sign in as $3" >&2; return 1; }
  echo "$cookie"
}
