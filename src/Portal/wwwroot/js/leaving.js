// An interactive page refused as its live connection starts is sent to the page that says why. If the browser is
// already leaving (the "Sign out" form was just sent), sending it elsewhere would overtake that navigation and drop
// its redirect to the sign-in provider's sign-out, leaving the provider's session alive. So the page asks first;
// should the other navigation come to nothing (a download, a cancelled request), it is sent away a little later.
(() => {
  let leavingSince = 0;
  addEventListener("beforeunload", () => { leavingSince = Date.now(); });
  window.portalAlreadyLeaving = (address) => {
    if (Date.now() - leavingSince > 10000) return false;
    setTimeout(() => location.replace(address), 5000);
    return true;
  };
})();
