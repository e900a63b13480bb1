#!/bin/bash
# Vigil's test hosts: real Debian "servers" on this machine, booted with systemd-nspawn (systemd as PID 1,
# a real sshd, one IP each on a private bridge, one writable overlay each over a shared debootstrapped base).
# Works where PID 1 is not systemd (no machined, no dbus): --register=no --keep-unit and one cgroup per host.
# Every host belongs to a run (one test JVM, or one shell session): its own bridge, /24, cgroups, known_hosts
# and state, so runs side by side (two checkouts, CI beside a working copy) never touch each other's hosts.
#
#   testbed.sh prereqs           install systemd-container debootstrap apt-cacher-ng zstd when missing (root)
#   testbed.sh base              build or unpack the cached base image (rebuilt only when its recipe changes)
#   testbed.sh run-start [PID]   reap dead runs, claim a run for process PID (default: the caller), bring up its
#                                bridge and the shared apt proxy; prints 'export VIGIL_TESTBED_RUN=N' and more
#   testbed.sh up NAME IP [MEM]  overlay, per-host ssh host key and identity, boot (returns at once); MEM (e.g.
#                                1536M, 2G) caps the host's memory: it sees the limit in its memory cgroup
#   testbed.sh wait NAME IP      until ssh as root works (strict host key checking)
#   testbed.sh ssh [-u USER] NAME|IP CMD
#                                ssh with the testbed key and the run's known_hosts, as root or as USER; once
#                                provisioning has turned root logins off, as the host's sudo admin user
#   testbed.sh rekey NAME        give a running host a new ssh host key (for key-change tests)
#   testbed.sh down NAME         poweroff, unmount, remove the host's state and cgroups
#   testbed.sh run-end           remove the run's hosts, mounts, cgroups and bridge; the last run stops the proxy
#   testbed.sh reap              remove the leftovers of runs whose owner process is dead (run-start does it too)
#   testbed.sh status            runs on this machine and their hosts
#
# Host commands act on the run named by VIGIL_TESTBED_RUN. Environment: VIGIL_TESTBED_DIR (default
# /var/tmp/vigil-testbed, outside any repository: base image, apt cache and root key, shared by its runs),
# VIGIL_TESTBED_NETS (10.77: run N gets bridge vtbN with NETS.N.1/24, N in 1..254; the apt proxy is NETS.255.1),
# VIGIL_TESTBED_MIRROR (default: the Debian mirror of this machine's apt sources). Hosts have no route off the
# box but to the proxy: test traffic stays on the run's bridge.
set -euo pipefail

TB=${VIGIL_TESTBED_DIR:-/var/tmp/vigil-testbed}
NETS=${VIGIL_TESTBED_NETS:-10.77}
PROXY_IP=$NETS.255.1
PROXY_IF=vtb-apt    # holds the proxy addresses of every testbed folder, so hosts of any run can route to them
REG=/run/vigil-testbed   # machine-wide, for every testbed folder: the lock and one claim file per live run
SUITE=bookworm
PACKAGES=systemd,systemd-sysv,dbus,libpam-systemd,openssh-server,iproute2,ca-certificates,sudo
RUN=${VIGIL_TESTBED_RUN:-}

mirror() {
  if [ -n "${VIGIL_TESTBED_MIRROR:-}" ]; then echo "$VIGIL_TESTBED_MIRROR"; return; fi
  grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+)[^[:space:]]+/debian/?([[:space:]]|$)' \
      /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | grep -oE '[a-z]+://[^[:space:]]+' | sed 's:/*$::' | head -n1 || true   # a missing sources file is fine
}

log() { echo "testbed [$(date +%T.%N | cut -c1-12)]${RUN:+ run $RUN:} $*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (nspawn, overlay mounts, bridges)"; }

# --- runs: claims, locks, liveness -----------------------------------------------------------------------------
# A run is claimed under the machine-wide lock by a file $REG/runs/N (its folder, owner process and network);
# the claim, not the folder, is what makes bridge vtbN, NETS.N.0/24 and the cgroups vigil-testbed/N its own.

machine_lock() {   # on fd 8; released when the script exits, or by machine_unlock
  mkdir -p "$REG/runs"
  exec 8>"$REG/lock"
  flock -w 300 8 || die "the machine-wide testbed lock $REG/lock is held for over 5 min"
}
machine_unlock() { exec 8>&-; }

claim_get() { sed -n "s/^$2=//p" "$1" 2>/dev/null | head -n1; }

proc_start() {     # the start time (boot ticks) of a living process: with its pid, it names one process, never
  local s          # a reused pid; a zombie (killed, not yet waited for) counts as dead
  s=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) && [ -n "$s" ] || return 1
  awk '$1 != "Z" { print $20; ok = 1 } END { exit !ok }' <<< "$s"
}

claim_live() {     # claim_live FILE: is the run's owner process still the one that claimed it?
  local pid since
  pid=$(claim_get "$1" owner); since=$(claim_get "$1" since)
  [ -n "$pid" ] && [ -n "$since" ] && [ "$(proc_start "$pid" || true)" = "$since" ]
}

use_run() {        # use_run N: the run's names, from its claim (a reaped run of another folder keeps its own)
  RUN=$1
  local c="$REG/runs/$1"
  [ -f "$c" ] || die "no run $1 on this machine (start one: eval \"\$(testbed.sh run-start \$\$)\")"
  RUN_TB=$(claim_get "$c" dir); NET=$(claim_get "$c" net); BR=$(claim_get "$c" bridge)
  RUN_PROXY=$(claim_get "$c" proxy)
  [ -n "$RUN_TB" ] && [ -n "$NET" ] && [ -n "$BR" ] || die "the claim $c is damaged; remove it by hand"
  RD="$RUN_TB/runs/$RUN"; BRIP=$NET.1; CGR=vigil-testbed/$RUN; KH="$RD/known_hosts"
  BR_ALIAS="vigil-testbed $RUN_TB run $RUN"
}

need_run() {
  [ -n "$RUN" ] || die "VIGIL_TESTBED_RUN is not set; start a run first: eval \"\$(testbed.sh run-start \$\$)\""
  use_run "$RUN"
  [ "$RUN_TB" = "$TB" ] || die "run $RUN belongs to the testbed folder $RUN_TB, not $TB"
}

slot_free() {      # slot_free N: nothing on the machine uses run N's claim, bridge or /24
  local n=$1
  [ ! -e "$REG/runs/$n" ] || return 1
  [ ! -e "/sys/class/net/vtb$n" ] || return 1
  ! ip -4 -o addr show | awk -v p="$NETS.$n." '{ if (index($4, p) == 1) found = 1 } END { exit !found }' || return 1
  ! ip -4 route show | awk -v p="$NETS.$n." '{ if (index($1, p) == 1) found = 1 } END { exit !found }' || return 1
}

cmd_run_start() {  # run-start [OWNER_PID]
  need_root
  local owner=${1:-$PPID} since n c
  since=$(proc_start "$owner") || die "no process $owner to own the run"
  mkdir -p "$TB/runs"
  machine_lock
  reap_stale
  for n in $(seq 1 254); do slot_free "$n" && break; n=""; done
  [ -n "$n" ] || die "all 254 testbed networks $NETS.1-254.0/24 are taken; end some runs or set VIGIL_TESTBED_NETS"
  c="$REG/runs/$n"
  printf 'dir=%s\nowner=%s\nsince=%s\nnet=%s\nbridge=%s\nproxy=%s\n' \
    "$TB" "$owner" "$since" "$NETS.$n" "vtb$n" "$PROXY_IP" > "$c.new"
  mv "$c.new" "$c"
  use_run "$n"
  mkdir -p "$RD/hosts"; : > "$KH"
  ip link add "$BR" type bridge
  ip link set "$BR" alias "$BR_ALIAS"       # run-end deletes the bridge only while it carries this alias
  ip addr add "$BRIP/24" dev "$BR"
  ip link set "$BR" up
  proxy_up
  machine_unlock
  log "claimed for process $owner: bridge $BR ($BRIP/24)"
  printf 'export VIGIL_TESTBED_RUN=%s\ntestbed_net=%s\ntestbed_bridge=%s\ntestbed_known_hosts=%s\n' \
    "$RUN" "$NET" "$BR" "$KH"
}

cmd_run_end() {
  need_root; need_run
  log "ending"
  cleanup_run
  machine_lock
  rm -f "$REG/runs/$RUN"
  reap_stale
  proxy_down_if_idle "$TB" "$PROXY_IP"
}

cmd_reap() { need_root; machine_lock; reap_stale; }

reap_stale() {     # under the machine lock: runs whose owner is dead, and run folders that lost their claim
  local c n dir proxy
  for c in "$REG"/runs/*; do
    [ -f "$c" ] || continue
    n=$(basename "$c")
    [[ $n =~ ^[0-9]+$ ]] || { rm -f "$c"; continue; }     # a claim left half-written
    claim_live "$c" && continue
    dir=$(claim_get "$c" dir); proxy=$(claim_get "$c" proxy)
    ( use_run "$n"; log "reaping: owner $(claim_get "$c" owner) is gone"; cleanup_run )
    rm -f "$c"
    proxy_down_if_idle "$dir" "$proxy"
  done
  for c in "$TB"/runs/*/; do    # e.g. after the claims' folder was emptied by a reboot
    [ -d "$c" ] || continue
    n=$(basename "$c")
    [ -e "$REG/runs/$n" ] && [ "$(claim_get "$REG/runs/$n" dir)" = "$TB" ] && continue
    log "reaping unclaimed run folder $c"
    kill_overlay_users "${c%/}"; unmount_under "${c%/}"; rm -rf "$c"
  done
}

cleanup_run() {    # the run's hosts (poweroff in parallel), then whatever a killed run left: only this run's
  local d
  for d in "$RD"/hosts/*/; do [ -d "$d" ] && host_down "$(basename "$d")" & done
  wait
  kill_overlay_users "$RD"
  for h in systemd unified memory; do
    kill_cgroup "/sys/fs/cgroup/$h/$CGR"; rmdir "/sys/fs/cgroup/$h/vigil-testbed" 2>/dev/null || true
  done
  unmount_under "$RD"
  if [ "$(cat "/sys/class/net/$BR/ifalias" 2>/dev/null)" = "$BR_ALIAS" ]; then ip link del "$BR"; fi
  rm -rf "$RD"
}

kill_overlay_users() {  # nspawns booted from overlays under DIR (their own cgroups die with kill_cgroup too)
  local p
  for p in /proc/[0-9]*; do
    if tr '\0' ' ' 2>/dev/null < "$p/cmdline" | grep -qF -- "--directory=$1/hosts/"; then
      kill -KILL "${p#/proc/}" 2>/dev/null || true
    fi
  done
}

unmount_under() {
  { awk -v p="$1/" 'index($2, p) == 1 { print $2 }' /proc/mounts || true; } | sort -r \
    | while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
}

kill_cgroup() {         # kill every process left in a cgroup tree, then remove it depth-first
  local dir=$1 p
  [ -d "$dir" ] || return 0
  for _ in 1 2 3 4 5; do
    local left=""
    while read -r p; do [ -n "$p" ] && kill -KILL "$p" 2>/dev/null && left=1; done \
      < <(find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null)
    [ -z "$left" ] && break; sleep 0.1
  done
  find "$dir" -depth -type d -exec rmdir {} \; 2>/dev/null || true
}

# --- the apt proxy: one per testbed folder, shared by its runs ------------------------------------------------
# Bound to NETS.255.1 only, on an interface of its own; hosts reach it through their bridge's address (a /32
# route), which the machine delivers locally: no forwarding, no route to anything else.

proxy_pidfile() { echo "$1/apt-proxy.pid"; }

proxy_up() {       # under the machine lock
  local pf; pf=$(proxy_pidfile "$TB")
  if [ -s "$pf" ] && grep -qs apt-cacher-ng "/proc/$(cat "$pf")/cmdline"; then return 0; fi
  [ -e "/sys/class/net/$PROXY_IF" ] || { ip link add "$PROXY_IF" type bridge; ip link set "$PROXY_IF" up; }
  ip -4 -o addr show dev "$PROXY_IF" | grep -qF " $PROXY_IP/" || ip addr add "$PROXY_IP/32" dev "$PROXY_IF"
  if (exec 3<>"/dev/tcp/$PROXY_IP/3142") 2>/dev/null; then
    die "$PROXY_IP:3142 answers but is not this folder's proxy: another testbed folder uses VIGIL_TESTBED_NETS=$NETS; give one of them another"
  fi
  # a private config naming this machine's mirror (the packaged backend list holds mirrors that do not answer)
  mkdir -p "$TB/acng/cache" "$TB/acng/log"
  rm -rf "$TB/acng/conf"; cp -a /etc/apt-cacher-ng "$TB/acng/conf"
  echo "$(mirror)/" > "$TB/acng/conf/backends_debian"
  setsid /usr/sbin/apt-cacher-ng -c "$TB/acng/conf" ForeGround=1 BindAddress="$PROXY_IP" Port=3142 \
    CacheDir="$TB/acng/cache" LogDir="$TB/acng/log" SocketPath="$TB/acng/socket" PidFile="$TB/acng/pidfile" \
    >> "$TB/acng/stdout" 2>&1 < /dev/null 8>&- &
  echo $! > "$pf"
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/$PROXY_IP/3142") 2>/dev/null && return 0; sleep 0.1; done
  die "apt-cacher-ng did not come up on $PROXY_IP:3142 (see $TB/acng/stdout)"
}

proxy_down_if_idle() {  # proxy_down_if_idle DIR PROXY_IP, under the machine lock: when no run of DIR is left
  local dir=$1 ip=$2 c pf p
  for c in "$REG"/runs/*; do [ -f "$c" ] && [ "$(claim_get "$c" dir)" = "$dir" ] && return 0; done
  pf=$(proxy_pidfile "$dir")
  if [ -s "$pf" ]; then
    p=$(cat "$pf")
    if grep -qs apt-cacher-ng "/proc/$p/cmdline"; then     # only our proxy: the pid must still be that program
      kill "$p" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$pf"
  fi
  ip addr del "$ip/32" dev "$PROXY_IF" 2>/dev/null || true
  if [ -e "/sys/class/net/$PROXY_IF" ] && [ -z "$(ip -4 -o addr show dev "$PROXY_IF")" ]; then
    ip link del "$PROXY_IF" 2>/dev/null || true
  fi
}

# --- the base image: shared by every run of the folder --------------------------------------------------------

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
  { declare -f cmd_build_base configure_base; echo "$SUITE $PACKAGES $(mirror)"; } | sha256sum | cut -c1-16
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
  printf 'Acquire::Check-Valid-Until "false";\n' > "$b/etc/apt/apt.conf.d/99testbed-snapshot"
  # debootstrap writes only the main suite; keep apt pointed at the same mirror (through the proxy, set at 'up')
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
  exec 7>"$TB/base.lock"    # runs starting together build or unpack the image once, one after the other
  flock -w 1800 7 || die "$TB/base.lock is held for over 30 min"
  local h; h=$(recipe_hash)
  [ "$(cat "$TB/base.tar.zst.hash" 2>/dev/null)" = "$h" ] && [ -s "$TB/base.tar.zst" ] || cmd_build_base
  if [ "$(cat "$TB/base/.vigil-testbed-hash" 2>/dev/null)" != "$h" ]; then
    if awk -v p="$TB/runs/" 'index($2, p) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
      die "hosts of a live run are mounted over the old base image; end that run first ('testbed.sh status')"
    fi
    local t0; t0=$(now)
    rm -rf "$TB/base"; mkdir -p "$TB/base"
    zstd -q -d -c "$TB/base.tar.zst" | tar -C "$TB/base" --numeric-owner -xf -
    echo "$h" > "$TB/base/.vigil-testbed-hash"
    log "base unpacked in $(since "$t0") s"
  fi
  [ -f "$TB/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C vigil-testbed -f "$TB/id_ed25519"
}

# --- hosts of the run -------------------------------------------------------------------------------------------

ssh_opts() {
  echo -i "$TB/id_ed25519" -o BatchMode=yes -o UserKnownHostsFile="$KH" \
    -o StrictHostKeyChecking=yes -o ConnectTimeout=2 -o LogLevel=ERROR
}

cmd_up() {      # up NAME IP [MEM]
  need_root; need_run
  local n=${1:?name} ip=${2:?ip} mem=${3:-} d="$RD/hosts/$1"
  # the host-side veth is vb-RUN-NAME, at most 15 characters
  [[ $n =~ ^[a-z][a-z0-9-]{0,7}$ ]] || die "host name must be 1-8 of [a-z0-9-], starting with a letter"
  [[ $ip == "$NET".* ]] || die "address $ip is not on the run's network $NET.0/24"
  [ -d "$TB/base/etc" ] || die "no base image; run 'testbed.sh base' first"
  [ ! -e "$d" ] || die "host $n exists; 'down' it first"
  if [ -n "$mem" ]; then
    [[ $mem =~ ^[1-9][0-9]*[KMG]$ ]] || die "memory limit '$mem' must be a size like 1536M or 2G"
    [ -d /sys/fs/cgroup/memory ] || die "memory limits need the cgroup v1 memory controller at /sys/fs/cgroup/memory"
  fi
  log "up $n $ip"
  mkdir -p "$d"/{upper,work,root}
  mount -t overlay overlay -o "lowerdir=$TB/base,upperdir=$d/upper,workdir=$d/work" "$d/root"
  echo "$n" > "$d/root/etc/hostname"
  printf '127.0.0.1 localhost\n127.0.1.1 %s\n' "$n" > "$d/root/etc/hosts"
  mkdir -p "$d/root/etc/systemd/network"
  # no gateway: nothing leaves the bridge but the way to the apt proxy
  printf '[Match]\nVirtualization=container\nName=host0\n[Network]\nAddress=%s/24\nLinkLocalAddressing=no\nIPv6AcceptRA=no\n[Route]\nDestination=%s/32\nGateway=%s\n' \
    "$ip" "$RUN_PROXY" "$BRIP" > "$d/root/etc/systemd/network/80-container-host0.network"
  printf 'Acquire::http::Proxy "http://%s:3142";\n' "$RUN_PROXY" > "$d/root/etc/apt/apt.conf.d/01testbed-proxy"
  install -m600 "$TB/id_ed25519.pub" "$d/root/root/.ssh/authorized_keys"
  write_host_key "$n" "$ip"
  tr -d - < /proc/sys/kernel/random/uuid > "$d/uuid"
  echo "$ip" > "$d/ip"
  [ -z "$mem" ] || numfmt --from=iec "$mem" > "$d/memory"
  cmd_boot "$n"
}

known_host() {          # known_host IP PUBFILE: the run's known_hosts line for IP is PUBFILE's key
  ( flock 9
    sed -i "/^$1[ ,]/d" "$KH" 2>/dev/null || true
    echo "$1 $(cut -d' ' -f1,2 "$2")" >> "$KH"
  ) 9> "$KH.lock"
}

write_host_key() {      # write_host_key NAME IP: a fresh ed25519 host key and its known_hosts line
  local n=$1 ip=$2 d="$RD/hosts/$1"
  rm -f "$d"/root/etc/ssh/ssh_host_*
  ssh-keygen -q -t ed25519 -N '' -C "root@$n" -f "$d/root/etc/ssh/ssh_host_ed25519_key"
  known_host "$ip" "$d/root/etc/ssh/ssh_host_ed25519_key.pub"
}

cmd_boot() {    # boot NAME: relaunches nspawn after an in-host reboot (exit code 133)
  need_run
  local n=$1 d="$RD/hosts/$1"
  # one cgroup subtree per nspawn: with --keep-unit it puts payload/ and supervisor/ under its own cgroup,
  # so two hosts launched from one cgroup would share, and kill, each other's service cgroups
  local hiers="systemd unified"
  if [ -s "$d/memory" ]; then  # nspawn's cgroup namespace makes this the host's root memory cgroup
    hiers="$hiers memory"; mkdir -p "/sys/fs/cgroup/memory/$CGR/$n"
    cat "$d/memory" > "/sys/fs/cgroup/memory/$CGR/$n/memory.limit_in_bytes"
  fi
  for h in $hiers; do mkdir -p "/sys/fs/cgroup/$h/$CGR/$n"; done
  rm -f "$d/stopping" "$d/nspawn.pid"
  setsid bash -c '
    n=$1 d=$2 cg=$3 run=$5
    for h in $6; do echo $$ > /sys/fs/cgroup/$h/$cg/$n/cgroup.procs; done
    while :; do
      systemd-nspawn --quiet --boot --directory="$d/root" --machine="$run-$n" --hostname="$n" \
        --uuid="$(cat "$d/uuid")" --register=no --keep-unit --network-bridge="$4" --console=read-only &
      echo $! > "$d/nspawn.pid"; wait $! && rc=0 || rc=$?
      echo "nspawn exited rc=$rc"
      [ "$rc" = 133 ] && [ ! -e "$d/stopping" ] || break
    done' vtb-boot "$n" "$d" "$CGR" "$BR" "$RUN" "$hiers" >> "$d/console.log" 2>&1 < /dev/null 7>&- 8>&- &
  echo $! > "$d/loop.pid"
  for _ in $(seq 100); do [ -s "$d/nspawn.pid" ] && break; sleep 0.02; done
}

cmd_wait() {    # wait NAME IP
  need_run
  local n=$1 ip=$2 t0; t0=$(now)
  # shellcheck disable=SC2046
  until ssh $(ssh_opts) "root@$ip" true 2>/dev/null; do
    if [ ! -s "$RD/hosts/$n/loop.pid" ] || ! kill -0 "$(cat "$RD/hosts/$n/loop.pid")" 2>/dev/null; then
      die "host $n is not running; console: $(tail -n5 "$RD/hosts/$n/console.log" 2>/dev/null | tr '\n' ' ')"
    fi
    if (( $(date +%s) - ${t0%.*} > ${WAIT_TIMEOUT:-90} )); then die "ssh to $n ($ip) not ready after ${WAIT_TIMEOUT:-90} s"; fi
    sleep 0.2
  done
  log "ssh ok $n after $(since "$t0") s"
}

cmd_ssh() {     # ssh [-u USER] NAME|IP CMD...
  need_run
  local user=
  if [ "${1:-}" = -u ]; then user=${2:?user}; shift 2; fi
  local h=${1:?host}; shift; [ -f "$RD/hosts/$h/ip" ] && h=$(cat "$RD/hosts/$h/ip")
  if [ -z "$user" ] && user=$(admin_user "$h"); then
    # an admin user exists: root may still log in (provisioning not finished), else log in as the admin
    # shellcheck disable=SC2046
    if ssh $(ssh_opts) "root@$h" true 2>/dev/null; then user=; fi
  fi
  # shellcheck disable=SC2046
  ssh $(ssh_opts) "${user:-root}@$h" "$@"
}

admin_user() {  # admin_user IP: a user of the host at IP with the testbed key (provisioning's admin), if any
  local d u
  for d in "$RD"/hosts/*/; do
    [ "$(cat "$d/ip" 2>/dev/null)" = "$1" ] || continue
    for u in "$d"root/home/*/; do
      u=$(basename "$u")
      grep -qsF "$(cut -d' ' -f2 "$TB/id_ed25519.pub")" "$d/root/home/$u/.ssh/authorized_keys" && { echo "$u"; return; }
    done
  done
  return 1
}

cmd_rekey() {   # rekey NAME: a new host key on a running host, as if the server were reinstalled
  need_run
  local n=$1 d="$RD/hosts/$1"
  [ -d "$d" ] || die "no host $n"
  # restart sshd while the old key still verifies, then record the new key for the harness's own ssh
  ssh-keygen -q -t ed25519 -N '' -C "root@$n" -f "$d/new_host_key"
  cmd_ssh "$n" "cat > /etc/ssh/ssh_host_ed25519_key && chmod 600 /etc/ssh/ssh_host_ed25519_key && systemctl restart ssh" \
    < "$d/new_host_key"
  cp "$d/new_host_key.pub" "$d/root/etc/ssh/ssh_host_ed25519_key.pub"
  rm -f "$d/new_host_key" "$d/new_host_key.pub"
  known_host "$(cat "$d/ip")" "$d/root/etc/ssh/ssh_host_ed25519_key.pub"
  log "rekeyed $n: $(ssh-keygen -lf "$d/root/etc/ssh/ssh_host_ed25519_key.pub" | cut -d' ' -f2)"
}

cmd_down() { need_run; host_down "$1"; }

host_down() {   # host_down NAME, of the run in use
  local n=$1 d="$RD/hosts/$1" pid
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
  for h in systemd unified memory; do kill_cgroup "/sys/fs/cgroup/$h/$CGR/$n"; done
  umount "$d/root" 2>/dev/null || umount -l "$d/root" 2>/dev/null || true
  ip link del "vb-$RUN-$n" 2>/dev/null || true
  local ip; ip=$(cat "$d/ip" 2>/dev/null || true)
  [ -z "$ip" ] || sed -i "/^$ip[ ,]/d" "$KH" 2>/dev/null || true
  rm -rf "$d"
}

cmd_status() {
  echo "dir: $TB  base: $(cat "$TB/base/.vigil-testbed-hash" 2>/dev/null || echo none)  proxy: $PROXY_IP:3142"
  local c d state
  for c in "$REG"/runs/*; do
    [ -f "$c" ] || continue
    if claim_live "$c"; then state=live; else state="stale (owner gone; 'reap' removes it)"; fi
    echo "run $(basename "$c"): owner $(claim_get "$c" owner) $state, bridge $(claim_get "$c" bridge)" \
      "($(claim_get "$c" net).0/24), folder $(claim_get "$c" dir)"
    for d in "$(claim_get "$c" dir)/runs/$(basename "$c")"/hosts/*/; do
      [ -d "$d" ] && echo "  host $(basename "$d") $(cat "$d/ip" 2>/dev/null)"
    done
  done
  return 0
}

c=${1:-}; shift || true
case "$c" in
  prereqs) cmd_prereqs ;; base) cmd_base ;; run-start) cmd_run_start "$@" ;; run-end) cmd_run_end ;;
  reap) cmd_reap ;; up) cmd_up "$@" ;; boot) cmd_boot "$@" ;; wait) cmd_wait "$@" ;; ssh) cmd_ssh "$@" ;;
  rekey) cmd_rekey "$@" ;; down) cmd_down "$@" ;; status) cmd_status ;;
  *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
