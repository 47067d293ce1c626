# Mosaic: the server, its web UI and every connector in one image (docs/deploy.md, "Container image and compose").
#   docker build -t mosaic .
#   docker run -p 8000:8000 -v mosaic-data:/data -e JWT_SECRET_KEY=… -e ENCRYPTION_KEY=… mosaic
# Base images are build arguments, so a machine that cannot pull them can point at its own (scripts/container-test.sh).
# CONNECTORS_AOT=false publishes the six Native AOT connectors as JIT instead: a much quicker build and a smaller image,
# but connectors that start slower and use more memory.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG NODE_IMAGE=node:22-bookworm-slim

# The web UI: Vite writes it into src/Mosaic.Server/wwwroot (web/vite.config.ts).
FROM ${NODE_IMAGE} AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web/ ./
RUN npm run build

# The server and the connectors, through the same script an operator uses without containers.
FROM ${SDK_IMAGE} AS build
ARG CONNECTORS_AOT=true
# Native AOT links with clang and needs zlib's headers; the SDK image has neither (a JIT build needs neither).
RUN if [ "$CONNECTORS_AOT" != false ]; then apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null \
 && rm -rf /var/lib/apt/lists/*; fi
# Passed through when the build machine needs it (package signature checks where revocation servers are unreachable).
ARG NUGET_CERT_REVOCATION_MODE
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY scripts/publish.sh scripts/
COPY --from=web /src/src/Mosaic.Server/wwwroot/ src/Mosaic.Server/wwwroot/
RUN case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac \
 && MOSAIC_SKIP_WEB=1 MOSAIC_RID=$rid MOSAIC_CONNECTORS_AOT=$CONNECTORS_AOT scripts/publish.sh /app \
 && test -f /app/wwwroot/index.html

FROM ${RUNTIME_IMAGE}
# production: the keys are required and the server says so when they are missing; it listens on every interface.
# ASPNETCORE_HTTP_PORTS is emptied: the official image sets 8080, and BACKEND_PORT is what Mosaic reads.
ENV ENVIRONMENT=production \
    MOSAIC_DATA_DIR=/data \
    BACKEND_HOST=0.0.0.0 \
    BACKEND_PORT=8000 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /app
COPY --from=build /app/ /app/
# The app user (UID 1654, the official .NET images' non-root user) owns only its data and the Sandbox's demo folder,
# where --demo builds its SQLite demo database; the program files stay root's.
RUN mkdir -p /data && chown 1654:1654 /data && chown -R 1654:1654 /app/connectors/Mosaic.Sandbox/Demo
USER 1654
VOLUME /data
EXPOSE 8000
# No curl in the runtime image: bash's /dev/tcp asks for the liveness probe, and the status must be 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${BACKEND_PORT:-8000} \
    && printf "GET /api/health/live HTTP/1.0\r\n\r\n" >&3 && read -r _ status _ <&3 && ((status == 200))'
ENTRYPOINT ["dotnet", "/app/Mosaic.Server.dll"]
