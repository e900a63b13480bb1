#!/bin/bash
# Vigil's test hosts: real Debian "servers" on this machine, booted with systemd-nspawn (systemd as PID 1,
# a real sshd, one IP each on a private bridge, one writable overlay each over a shared debootstrapped base).
# Works where PID 1 is not systemd (no machined, no dbus): --register=no --keep-unit and one cgroup per host.
#
#   testbed.sh prereqs           install systemd-container debootstrap apt-cacher-ng zstd when missing (root)
#   testbed.sh base              build or unpack the cached base image (rebuilt only when its recipe changes)
#   testbed.sh net-up            bridge + apt-cacher-ng bound to the bridge address only
#   testbed.sh up NAME IP        overlay, per-host ssh host key and identity, boot (returns at once)
#   testbed.sh wait NAME IP      until ssh as root works (strict host key checking)
#   testbed.sh ssh NAME|IP CMD   ssh as root with the testbed key and known_hosts
#   testbed.sh rekey NAME        give a running host a new ssh host key (for key-change tests)
#   testbed.sh down NAME         poweroff, unmount, remove the host's state and cgroups
#   testbed.sh net-down          stop apt-cacher-ng, delete the bridge
#   testbed.sh cleanup-all       remove every host, mount, cgroup, daemon and the bridge, also of a killed run
#   testbed.sh status            what is running
#
# Environment: VIGIL_TESTBED_DIR (default /var/tmp/vigil-testbed, outside any repository), VIGIL_TESTBED_BRIDGE
# (vtb0), VIGIL_TESTBED_NET (10.77.0, a /24 whose .1 is the bridge), VIGIL_TESTBED_MIRROR (default: the Debian
# mirror of this machine's apt sources). Hosts have no route off the box: test traffic stays on the bridge.
set -euo pipefail

TB=${VIGIL_TESTBED_DIR:-/var/tmp/vigil-testbed}
BR=${VIGIL_TESTBED_BRIDGE:-vtb0}
NETP=${VIGIL_TESTBED_NET:-10.77.0}
BRIP=$NETP.1
SUITE=bookworm
PACKAGES=systemd,systemd-sysv,dbus,libpam-systemd,openssh-server,iproute2,ca-certificates,sudo
CG=vtb          # cgroup name prefix: /sys/fs/cgroup/{systemd,unified}/vtb-NAME

mirror() {
  if [ -n "${VIGIL_TESTBED_MIRROR:-}" ]; then echo "$VIGIL_TESTBED_MIRROR"; return; fi
  grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+)[^[:space:]]+/debian/?([[:space:]]|$)' \
      /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | grep -oE '[a-z]+://[^[:space:]]+' | sed 's:/*$::' | head -n1 || true   # a missing sources file is fine
}

log() { echo "testbed [$(date +%T.%N | cut -c1-12)] $*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

ssh_opts() {
  echo -i "$TB/id_ed25519" -o BatchMode=yes -o UserKnownHostsFile="$TB/known_hosts" \
    -o StrictHostKeyChecking=yes -o ConnectTimeout=2 -o LogLevel=ERROR
}

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (nspawn, overlay mounts, bridges)"; }

cmd_prereqs() {
  need_root
  local missing=()
  command -v systemd-nspawn >/dev/null || missing+=(systemd-container)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  [ -x /usr/sbin/apt-cacher-ng ] || missing+=(apt-cacher-ng)
  command -v zstd >/dev/null || missing+=(zstd)
  command -v ssh >/dev/null || missing+=(openssh-client)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (tell bin/test to install them too)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # policy-rc.d: apt-cacher-ng's package would otherwise start a system-wide daemon on all interfaces
  local prc=/usr/sbin/policy-rc.d created=""
  [ -e "$prc" ] || { printf '#!/bin/sh\nexit 101\n' > "$prc"; chmod +x "$prc"; created=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
    [ -z "$created" ] || rm -f "$prc"; die "apt-get install ${missing[*]} failed"; }
  [ -z "$created" ] || rm -f "$prc"
}

# The recipe's hash names the cached image: change anything below (or the mirror) and the base is rebuilt.
recipe_hash() {
  { declare -f cmd_build_base configure_base; echo "$SUITE $PACKAGES $(mirror) $BRIP"; } | sha256sum | cut -c1-16
}

configure_base() {      # configure_base DIR: what makes a debootstrapped tree a testbed host image
  local b=$1
  chroot "$b" apt-get clean
  : > "$b/etc/machine-id"; rm -f "$b/var/lib/dbus/machine-id"       # per-host id comes from --uuid
  rm -f "$b"/etc/ssh/ssh_host_*                                       # per-host keys are written at 'up'
  mkdir -p "$b/etc/systemd/system/ssh.service.d"
  # ssh-keygen -A covers a host started without harness keys; the harness writes an ed25519 key itself
  printf '[Service]\nExecStartPre=\nExecStartPre=/usr/bin/ssh-keygen -A\nExecStartPre=/usr/sbin/sshd -t\n' \
    > "$b/etc/systemd/system/ssh.service.d/keygen.conf"
  chroot "$b" systemctl enable systemd-networkd >/dev/null 2>&1
  chroot "$b" systemctl mask apt-daily.timer apt-daily-upgrade.timer >/dev/null 2>&1  # no dpkg lock holders
  printf 'Acquire::http::Proxy "http://%s:3142";\n' "$BRIP" > "$b/etc/apt/apt.conf.d/01testbed-proxy"
  printf 'Acquire::Check-Valid-Until "false";\n' > "$b/etc/apt/apt.conf.d/99testbed-snapshot"
  # debootstrap writes only the main suite; keep apt pointed at the same mirror through the proxy
  echo "deb $(mirror) $SUITE main" > "$b/etc/apt/sources.list"
  install -d -m700 "$b/root/.ssh"
}

cmd_build_base() {      # debootstrap into base.new, configure, pack as base.tar.zst
  local t0; t0=$(now)
  local m; m=$(mirror); [ -n "$m" ] || die "no Debian mirror found in /etc/apt/sources*; set VIGIL_TESTBED_MIRROR"
  rm -rf "$TB/base.new"
  log "debootstrap $SUITE from $m (about a minute)"
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$TB/base.new" "$m" > "$TB/debootstrap.log" 2>&1 \
    || die "debootstrap failed, see $TB/debootstrap.log"
  configure_base "$TB/base.new"
  tar -C "$TB/base.new" --numeric-owner -cf - . | zstd -q -T0 -o "$TB/base.tar.zst.new"
  mv -f "$TB/base.tar.zst.new" "$TB/base.tar.zst"
  recipe_hash > "$TB/base.tar.zst.hash"
  rm -rf "$TB/base.new"
  log "base image built in $(since "$t0") s ($(du -h "$TB/base.tar.zst" | cut -f1))"
}

cmd_base() {
  need_root; mkdir -p "$TB"
  local h; h=$(recipe_hash)
  [ "$(cat "$TB/base.tar.zst.hash" 2>/dev/null)" = "$h" ] && [ -s "$TB/base.tar.zst" ] || cmd_build_base
  if [ "$(cat "$TB/base/.vigil-testbed-hash" 2>/dev/null)" != "$h" ]; then
    if grep -q " $TB/hosts/" /proc/mounts; then die "hosts are mounted over the old base; run cleanup-all first"; fi
    local t0; t0=$(now)
    rm -rf "$TB/base"; mkdir -p "$TB/base"
    zstd -q -d -c "$TB/base.tar.zst" | tar -C "$TB/base" --numeric-owner -xf -
    echo "$h" > "$TB/base/.vigil-testbed-hash"
    log "base unpacked in $(since "$t0") s"
  fi
  [ -f "$TB/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C vigil-testbed -f "$TB/id_ed25519"
  touch "$TB/known_hosts"
}

cmd_net_up() {
  need_root; mkdir -p "$TB"
  if ! ip link show "$BR" >/dev/null 2>&1; then
    ip link add "$BR" type bridge
    ip addr add "$BRIP/24" dev "$BR"
    ip link set "$BR" up
  fi
  if [ -s "$TB/acng.pid" ] && kill -0 "$(cat "$TB/acng.pid")" 2>/dev/null; then return 0; fi
  # apt proxy on the bridge address only, with a private config naming this machine's mirror
  # (the packaged backend list holds mirrors that do not answer from here)
  mkdir -p "$TB/acng/cache" "$TB/acng/log"
  rm -rf "$TB/acng/conf"; cp -a /etc/apt-cacher-ng "$TB/acng/conf"
  echo "$(mirror)/" > "$TB/acng/conf/backends_debian"
  setsid /usr/sbin/apt-cacher-ng -c "$TB/acng/conf" ForeGround=1 BindAddress="$BRIP" Port=3142 \
    CacheDir="$TB/acng/cache" LogDir="$TB/acng/log" SocketPath="$TB/acng/socket" PidFile="$TB/acng/pidfile" \
    >> "$TB/acng/stdout" 2>&1 < /dev/null &
  echo $! > "$TB/acng.pid"
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/$BRIP/3142") 2>/dev/null && return 0; sleep 0.1; done
  die "apt-cacher-ng did not come up on $BRIP:3142 (see $TB/acng/stdout)"
}

cmd_up() {      # up NAME IP
  need_root
  local n=${1:?name} ip=${2:?ip} d="$TB/hosts/$1"
  [[ $n =~ ^[a-z][a-z0-9-]{0,10}$ ]] || die "host name must be 1-11 of [a-z0-9-] (interface vb-NAME fits 15 chars)"
  [ -d "$TB/base/etc" ] || die "no base image; run 'testbed.sh base' first"
  [ ! -e "$d" ] || die "host $n exists; 'down' it first"
  log "up $n $ip"
  mkdir -p "$d"/{upper,work,root}
  mount -t overlay overlay -o "lowerdir=$TB/base,upperdir=$d/upper,workdir=$d/work" "$d/root"
  echo "$n" > "$d/root/etc/hostname"
  printf '127.0.0.1 localhost\n127.0.1.1 %s\n' "$n" > "$d/root/etc/hosts"
  mkdir -p "$d/root/etc/systemd/network"
  printf '[Match]\nVirtualization=container\nName=host0\n[Network]\nAddress=%s/24\nLinkLocalAddressing=no\nIPv6AcceptRA=no\n' \
    "$ip" > "$d/root/etc/systemd/network/80-container-host0.network"    # no gateway: nothing leaves the bridge
  install -m600 "$TB/id_ed25519.pub" "$d/root/root/.ssh/authorized_keys"
  write_host_key "$n" "$ip"
  tr -d - < /proc/sys/kernel/random/uuid > "$d/uuid"
  echo "$ip" > "$d/ip"
  cmd_boot "$n"
}

write_host_key() {      # write_host_key NAME IP: a fresh ed25519 host key and its known_hosts line
  local n=$1 ip=$2 d="$TB/hosts/$1"
  rm -f "$d"/root/etc/ssh/ssh_host_*
  ssh-keygen -q -t ed25519 -N '' -C "root@$n" -f "$d/root/etc/ssh/ssh_host_ed25519_key"
  ( flock 9
    sed -i "/^$ip[ ,]/d" "$TB/known_hosts" 2>/dev/null || true
    echo "$ip $(cut -d' ' -f1,2 "$d/root/etc/ssh/ssh_host_ed25519_key.pub")" >> "$TB/known_hosts"
  ) 9> "$TB/known_hosts.lock"
}

cmd_boot() {    # boot NAME: relaunches nspawn after an in-host reboot (exit code 133)
  local n=$1 d="$TB/hosts/$1"
  # one cgroup subtree per nspawn: with --keep-unit it puts payload/ and supervisor/ under its own cgroup,
  # so two hosts launched from one cgroup would share, and kill, each other's service cgroups
  for h in systemd unified; do mkdir -p "/sys/fs/cgroup/$h/$CG-$n"; done
  rm -f "$d/stopping" "$d/nspawn.pid"
  setsid bash -c '
    n=$1 d=$2 cg=$3
    for h in systemd unified; do echo $$ > /sys/fs/cgroup/$h/$cg-$n/cgroup.procs; done
    while :; do
      systemd-nspawn --quiet --boot --directory="$d/root" --machine="$n" --uuid="$(cat "$d/uuid")" \
        --register=no --keep-unit --network-bridge="$4" --console=read-only &
      echo $! > "$d/nspawn.pid"; wait $! && rc=0 || rc=$?
      echo "nspawn exited rc=$rc"
      [ "$rc" = 133 ] && [ ! -e "$d/stopping" ] || break
    done' vtb-boot "$n" "$d" "$CG" "$BR" >> "$d/console.log" 2>&1 < /dev/null &
  echo $! > "$d/loop.pid"
  for _ in $(seq 100); do [ -s "$d/nspawn.pid" ] && break; sleep 0.02; done
}

cmd_wait() {    # wait NAME IP
  local n=$1 ip=$2 t0; t0=$(now)
  # shellcheck disable=SC2046
  until ssh $(ssh_opts) "root@$ip" true 2>/dev/null; do
    if [ ! -s "$TB/hosts/$n/loop.pid" ] || ! kill -0 "$(cat "$TB/hosts/$n/loop.pid")" 2>/dev/null; then
      die "host $n is not running; console: $(tail -n5 "$TB/hosts/$n/console.log" 2>/dev/null | tr '\n' ' ')"
    fi
    if (( $(date +%s) - ${t0%.*} > ${WAIT_TIMEOUT:-90} )); then die "ssh to $n ($ip) not ready after ${WAIT_TIMEOUT:-90} s"; fi
    sleep 0.2
  done
  log "ssh ok $n after $(since "$t0") s"
}

cmd_ssh() { local h=$1; shift; [ -f "$TB/hosts/$h/ip" ] && h=$(cat "$TB/hosts/$h/ip"); ssh $(ssh_opts) "root@$h" "$@"; }

cmd_rekey() {   # rekey NAME: a new host key on a running host, as if the server were reinstalled
  local n=$1 d="$TB/hosts/$1"
  [ -d "$d" ] || die "no host $n"
  # restart sshd while the old key still verifies, then record the new key for the harness's own ssh
  ssh-keygen -q -t ed25519 -N '' -C "root@$n" -f "$d/new_host_key"
  cmd_ssh "$n" "cat > /etc/ssh/ssh_host_ed25519_key && chmod 600 /etc/ssh/ssh_host_ed25519_key && systemctl restart ssh" \
    < "$d/new_host_key"
  cp "$d/new_host_key.pub" "$d/root/etc/ssh/ssh_host_ed25519_key.pub"
  rm -f "$d/new_host_key" "$d/new_host_key.pub"
  local ip; ip=$(cat "$d/ip")
  ( flock 9
    sed -i "/^$ip[ ,]/d" "$TB/known_hosts"
    echo "$ip $(cut -d' ' -f1,2 "$d/root/etc/ssh/ssh_host_ed25519_key.pub")" >> "$TB/known_hosts"
  ) 9> "$TB/known_hosts.lock"
  log "rekeyed $n: $(ssh-keygen -lf "$d/root/etc/ssh/ssh_host_ed25519_key.pub" | cut -d' ' -f2)"
}

kill_cgroup() {         # kill every process left in a cgroup tree, then remove it depth-first
  local dir=$1 p
  [ -d "$dir" ] || return 0
  for _ in 1 2 3; do
    local left=""
    while read -r p; do [ -n "$p" ] && kill -KILL "$p" 2>/dev/null && left=1; done \
      < <(find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null)
    [ -z "$left" ] && break; sleep 0.1
  done
  find "$dir" -depth -type d -exec rmdir {} \; 2>/dev/null || true
}

cmd_down() {    # down NAME
  local n=$1 d="$TB/hosts/$1" pid
  [ -d "$d" ] || return 0
  log "down $n"
  touch "$d/stopping"
  if [ -s "$d/nspawn.pid" ] && pid=$(cat "$d/nspawn.pid") && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"          # nspawn turns SIGTERM into a clean poweroff of the host
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  if [ -s "$d/loop.pid" ]; then
    for _ in $(seq 50); do kill -0 "$(cat "$d/loop.pid")" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$(cat "$d/loop.pid")" 2>/dev/null || true
  fi
  for h in systemd unified; do kill_cgroup "/sys/fs/cgroup/$h/$CG-$n"; done
  umount "$d/root" 2>/dev/null || umount -l "$d/root" 2>/dev/null || true
  ip link del "vb-$n" 2>/dev/null || true
  local ip; ip=$(cat "$d/ip" 2>/dev/null || true)
  [ -z "$ip" ] || sed -i "/^$ip[ ,]/d" "$TB/known_hosts" 2>/dev/null || true
  rm -rf "$d"
}

cmd_net_down() {
  if [ -s "$TB/acng.pid" ]; then
    local p; p=$(cat "$TB/acng.pid")
    # only our apt-cacher-ng: the pid must still be that program
    if grep -qs apt-cacher-ng "/proc/$p/cmdline"; then kill "$p" 2>/dev/null || true; fi
    rm -f "$TB/acng.pid"
  fi
  ip link del "$BR" 2>/dev/null || true
}

cmd_cleanup_all() {
  need_root
  local d n
  for d in "$TB"/hosts/*/; do [ -d "$d" ] && cmd_down "$(basename "$d")" & done   # in parallel: ~2 s each
  wait
  # leftovers of a run killed half-way: nspawns on our overlays, mounts, cgroups, veths
  for p in /proc/[0-9]*; do
    if tr '\0' ' ' < "$p/cmdline" 2>/dev/null | grep -q -- "--directory=$TB/hosts/"; then kill -KILL "${p#/proc/}" 2>/dev/null || true; fi
  done
  { grep -o " $TB/hosts/[^ ]*" /proc/mounts 2>/dev/null || true; } | sort -r \
    | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  for h in systemd unified; do
    for d in /sys/fs/cgroup/$h/$CG-*; do [ -d "$d" ] && kill_cgroup "$d"; done
  done
  rm -rf "$TB/hosts"
  cmd_net_down
  : > "$TB/known_hosts" 2>/dev/null || true
}

cmd_status() {
  echo "dir: $TB  bridge: $BR ($BRIP)  base: $(cat "$TB/base/.vigil-testbed-hash" 2>/dev/null || echo none)"
  for d in "$TB"/hosts/*/; do [ -d "$d" ] && echo "host $(basename "$d") $(cat "$d/ip" 2>/dev/null)"; done
  return 0
}

c=${1:-}; shift || true
case "$c" in
  prereqs) cmd_prereqs ;; base) cmd_base ;; net-up) cmd_net_up ;; up) cmd_up "$@" ;; boot) cmd_boot "$@" ;;
  wait) cmd_wait "$@" ;; ssh) cmd_ssh "$@" ;; rekey) cmd_rekey "$@" ;; down) cmd_down "$@" ;;
  net-down) cmd_net_down ;; cleanup-all) cmd_cleanup_all ;; status) cmd_status ;;
  *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
