# syntax=docker/dockerfile:1
# Build and test with the SDK; run on the ASP.NET runtime image as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet restore src/Portal/ContainerNetLib.Portal.csproj \
 && dotnet restore src/Importer/ContainerNetLib.Importer.csproj -r linux-x64
RUN dotnet publish src/Portal/ContainerNetLib.Portal.csproj -c Release --no-restore -o /out/portal \
 && dotnet publish src/Importer/ContainerNetLib.Importer.csproj -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true --no-restore -o /out/importer

# The pure tests (parser, writer, URL rules, link checker) need no database: run them in the build.
# (dockerfilelint asks for a tag here; "build" is this file's own stage, not an image.)
FROM build AS test
COPY tests/ tests/
RUN dotnet test --project tests/Domain.Tests/ContainerNetLib.Domain.Tests.csproj -c Release

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/portal ./portal
COPY --from=build /out/importer ./importer
COPY seeds/ ./seeds/
COPY docker/entrypoint.sh ./entrypoint.sh
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1
EXPOSE 8080
# The image's unprivileged user (uid 1654).
USER app
# Healthy when the home page answers 200 (six tries cover migration and the first import at start).
HEALTHCHECK --interval=15s --timeout=3s --retries=6 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /healthz/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -c 12 <&3 | grep -q " 200"'

ENTRYPOINT ["bash", "/app/entrypoint.sh"]
