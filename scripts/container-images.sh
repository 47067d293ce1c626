#!/usr/bin/env bash
# Builds local stand-ins for the Dockerfile's base images, for machines that cannot pull from a container registry
# (scripts/container-test.sh uses them):
#   localhost/mosaic-standin/debian:bookworm  debootstrap minbase of Debian bookworm, from this machine's own apt mirror
#   localhost/mosaic-standin/sdk:10.0         + this machine's .NET SDK            (for SDK_IMAGE)
#   localhost/mosaic-standin/aspnet:10.0      + its .NET and ASP.NET Core runtimes (for RUNTIME_IMAGE: the official
#                                               image's layout: /usr/share/dotnet, /usr/bin/dotnet, user app, UID 1654)
#   localhost/mosaic-standin/node:<major>     + its Node.js and npm in /usr/local   (for NODE_IMAGE)
# The rootfs tarball is cached in $MOSAIC_CONTAINER_CACHE (default /var/cache/mosaic-container), so a second run skips
# debootstrap. The stand-ins trust what this machine trusts (its CA certificates), as the build then reaches the
# package registries the way the machine does. Needs root, podman, runc and debootstrap (container-test.sh installs them).
set -euo pipefail
cache=${MOSAIC_CONTAINER_CACHE:-/var/cache/mosaic-container}
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
node_bin=$(readlink -f "$(command -v node)")
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
podman=(podman --runtime runc)
prefix=localhost/mosaic-standin

# The first Debian mirror in the machine's apt sources that serves bookworm (deb822 .sources, then one-line lists).
debian_mirror() {
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk 'BEGIN { RS = ""; FS = "\n" }
      { uri = ""; ok = 0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { split($i, u, " "); uri = u[2] }
          if ($i ~ /^Suites:/ && $i ~ /[ \t]bookworm([ \t]|$)/) ok = 1
        }
        if (ok && uri != "") { print uri; exit } }' "$f")
    [ -z "$uri" ] || { echo "$uri"; return; }
  done
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") { print $(i - 1); exit } }' || true
}

rootfs_tar=$cache/debian-bookworm-minbase.tar
if [ ! -s "$rootfs_tar" ]; then
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || { echo "container-images: no Debian bookworm mirror in /etc/apt/sources*" >&2; exit 1; }
  echo "container-images: debootstrap bookworm (minbase) from the machine's mirror…"
  started=$SECONDS
  mkdir -p "$cache"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  debootstrap --variant=minbase --include=ca-certificates bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -30 "$work/debootstrap.log" >&2; echo "container-images: debootstrap failed" >&2; exit 1; }
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" --numeric-owner -cf "$rootfs_tar.part" . && mv "$rootfs_tar.part" "$rootfs_tar"
  echo "container-images: debootstrap took $((SECONDS - started)) s"
fi
"${podman[@]}" import --quiet "$rootfs_tar" "$prefix/debian:bookworm" >/dev/null

# The machine's CA certificates (any local ones included), into every stand-in.
ctx=$(mktemp -d)
trap 'rm -rf "$ctx" ${work:+"$work"}' EXIT
mkdir -p "$ctx/ca"
cp /usr/local/share/ca-certificates/*.crt "$ctx/ca/" 2>/dev/null || true

build() { # image, then the Containerfile on stdin; extra podman build arguments after the image
  local image=$1
  shift
  cat >"$ctx/Containerfile"
  echo "container-images: $image"
  "${podman[@]}" build --quiet --network host --format docker -t "$image" -f "$ctx/Containerfile" "$@" "$ctx" >/dev/null
}

build "$prefix/base:bookworm" <<EOF
FROM $prefix/debian:bookworm
COPY ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates >/dev/null
EOF

# The libraries the official .NET images install on bookworm-slim.
dotnet_deps="libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g"
# The versions copied go into a label, so a layer cached from another .NET or Node is not reused.
runtimes=$(dotnet --list-runtimes | awk '{ printf "%s %s; ", $1, $2 }')
build "$prefix/aspnet:10.0" -v "$dotnet_root:/mnt/dotnet:ro" <<EOF
FROM $prefix/base:bookworm
LABEL mosaic.standin.dotnet="$runtimes"
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $dotnet_deps >/dev/null \
 && rm -rf /var/lib/apt/lists/*
RUN mkdir -p /usr/share/dotnet && cp -a /mnt/dotnet/dotnet /mnt/dotnet/host /mnt/dotnet/shared /usr/share/dotnet/ \
 && ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --create-home --shell /bin/false app
ENV APP_UID=1654 ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true
EOF

build "$prefix/sdk:10.0" -v "$dotnet_root:/mnt/dotnet:ro" <<EOF
FROM $prefix/aspnet:10.0
LABEL mosaic.standin.sdk="$(dotnet --version)"
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl git >/dev/null \
 && rm -rf /var/lib/apt/lists/*
RUN cp -a /mnt/dotnet/. /usr/share/dotnet/
ENV DOTNET_GENERATE_ASPNET_CERTIFICATE=false DOTNET_USE_POLLING_FILE_WATCHER=true NUGET_XMLDOC_MODE=skip
EOF

node_major=$("$node_bin" -p 'process.versions.node.split(".")[0]')
build "$prefix/node:$node_major" -v "$node_bin:/mnt/node:ro" -v "$npm_dir:/mnt/npm:ro" <<EOF
FROM $prefix/base:bookworm
LABEL mosaic.standin.node="$("$node_bin" --version)"
RUN cp /mnt/node /usr/local/bin/node && mkdir -p /usr/local/lib/node_modules && cp -a /mnt/npm /usr/local/lib/node_modules/npm \
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
# Node keeps its own CA list: point it at the system's, as this machine does.
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
EOF
