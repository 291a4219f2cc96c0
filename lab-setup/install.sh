#!/usr/bin/env bash
# Provisions the container side of the certbench lab on this machine, idempotently:
#  - a container engine: Docker if one answers, else Podman (with runc and the ulimits these machines need,
#    through lab-setup/podman/containers.conf; /etc is not edited) serving Docker's API on a socket;
#  - a Debian base image made with debootstrap from the machine's own apt mirror (no registry pulls, ever);
#  - the virtual device image, localhost/certbench-dut:<version>, and the lab broker's, localhost/certbench-broker:<version>.
# Then prints the environment Testcontainers needs; `source <(lab-setup/install.sh --env)` sets it in a shell.
# Usage: lab-setup/install.sh [--env] [--clean]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$here/pom.xml" | head -1)"
base_image="localhost/certbench-debian:bookworm"
dut_image="localhost/certbench-dut:${version}"
broker_image="localhost/certbench-broker:${version}"
if [ "$(id -u)" = 0 ]; then run_dir=/run/certbench; else run_dir="${XDG_RUNTIME_DIR:-/tmp}/certbench"; fi
socket="$run_dir/podman.sock"
# The service keeps reading its containers.conf: give it a copy that outlives this checkout.
export CONTAINERS_CONF="$run_dir/containers.conf"
say() { echo "install.sh: $*" >&2; }

env_lines() {
  if [ "$engine" = podman ]; then
    echo "export DOCKER_HOST=unix://$socket"
    echo "export CONTAINERS_CONF=$CONTAINERS_CONF"
  fi
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"
}

if docker info >/dev/null 2>&1 && ! docker info 2>/dev/null | grep -qi podman; then
  engine=docker
  cli=docker
else
  engine=podman
  cli=podman
fi

if [ "${1:-}" = --env ]; then
  env_lines
  exit 0
fi
if [ "${1:-}" = --clean ]; then
  # Containers a killed JVM left behind (Ryuk, which would reap them, cannot be pulled here).
  ids="$( ($cli ps -aq --filter label=org.certbench.virtual=true; $cli ps -aq --filter label=org.certbench.broker=true) 2>/dev/null | sort -u || true)"
  [ -n "$ids" ] && $cli rm -f $ids >/dev/null
  say "removed $(echo "$ids" | grep -c . || true) leftover device container(s)"
  exit 0
fi

need_apt=()
if [ "$engine" = podman ]; then
  command -v podman >/dev/null || need_apt+=(podman)
  command -v runc >/dev/null || need_apt+=(runc)
  command -v iptables >/dev/null || need_apt+=(iptables)
fi
command -v debootstrap >/dev/null || need_apt+=(debootstrap)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]}"
  [ "$(id -u)" = 0 ] || { say "need root to install ${need_apt[*]}"; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${need_apt[@]}" iptables uidmap slirp4netns fuse-overlayfs netavark aardvark-dns catatonit >/dev/null
fi

if [ "$engine" = podman ]; then
  mkdir -p "$run_dir"
  if ! cmp -s "$here/podman/containers.conf" "$CONTAINERS_CONF"; then
    cp "$here/podman/containers.conf" "$CONTAINERS_CONF"
    # A service started with other settings (or from a checkout since removed) must not serve this one.
    [ -f "$run_dir/podman-service.pid" ] && kill "$(cat "$run_dir/podman-service.pid")" 2>/dev/null && sleep 1
  fi
  if ! curl -sf --unix-socket "$socket" http://d/_ping >/dev/null 2>&1; then
    say "starting podman's Docker-compatible API on $socket"
    rm -f "$socket"
    nohup podman system service --time=0 "unix://$socket" >"$run_dir/podman-service.log" 2>&1 &
    echo $! >"$run_dir/podman-service.pid"
    for _ in $(seq 50); do curl -sf --unix-socket "$socket" http://d/_ping >/dev/null 2>&1 && break; sleep 0.2; done
    curl -sf --unix-socket "$socket" http://d/_ping >/dev/null || { say "podman's API did not come up; see $run_dir/podman-service.log"; exit 1; }
  fi
fi

if ! $cli image inspect "$base_image" >/dev/null 2>&1; then
  say "building $base_image with debootstrap (about 30 s)"
  [ "$(id -u)" = 0 ] || { say "debootstrap needs root"; exit 1; }
  mirror="$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
  [ -n "$mirror" ] || mirror="$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  rootfs="$(mktemp -d /var/tmp/certbench-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | $cli import --change 'CMD ["/bin/bash"]' - "$base_image" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

# Rebuild an image only when its files changed (their digest is the image's label).
build_image() {
  local image="$1" dir="$2" digest current
  digest="$(find "$dir" -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-16)"
  current="$($cli image inspect --format '{{index .Config.Labels "org.certbench.digest"}}' "$image" 2>/dev/null || true)"
  if [ "$current" != "$digest" ]; then
    say "building $image"
    mkdir -p "$run_dir"
    pull=(); [ "$engine" = podman ] && pull=(--pull=never)
    $cli build "${pull[@]}" --label "org.certbench.digest=$digest" -t "$image" "$dir" >"$run_dir/build.log" 2>&1 \
      || { cat "$run_dir/build.log" >&2; say "building $image failed"; exit 1; }
  fi
}
build_image "$dut_image" "$here/images/dut"
build_image "$broker_image" "$here/images/broker"

# The engine removes its bridge when the last container on it stops (a device whose power is cut, say): the bridge's
# addresses would then follow the default route off this machine. A blackhole route behind the bridge's own keeps a
# probe of a device that is off on this machine, where it fails as a device that is off should.
subnet="$($cli network inspect --format '{{range .Subnets}}{{.Subnet}} {{end}}' podman 2>/dev/null | tr ' ' '\n' | grep -v : | head -1 || true)"
if [ "$engine" = podman ] && [ -n "$subnet" ] && [ "$(id -u)" = 0 ]; then
  ip route replace blackhole "$subnet" metric 4242 2>/dev/null && say "blackhole route for $subnet behind the bridge"
fi
say "ready: $engine, images $base_image, $dut_image and $broker_image"
env_lines
