# bench/lib.sh: helpers shared by the benchmark scripts (smtp-throughput, relay-throughput, pop3, ...).
# Sourced, not run. The sourcing script sets `bench_name` first (it prefixes error messages), then
# calls bench_init, which makes the temporary directory $tmp and the exit trap that stops every
# process in $pids and deletes $tmp (KEEP=1 keeps it).
# shellcheck shell=bash

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$bench")"
cache="$bench/.cache"

say() { printf '%s\n' "$*" >&2; }
die() { say "${bench_name:-bench}: $*"; exit 1; }

require_positive() { # VAR...: each must hold a positive integer
  local v
  for v in "$@"; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer (got '${!v}')"
  done
}

# --- processes and temporary files: everything started here is stopped on exit -------------------
pids=()
exit_hooks=()  # commands run on exit before the processes in $pids are stopped (e.g. `postfix stop`)
stop_pid() { # TERM, then KILL after 10 s; only processes this script started
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid hook
  for hook in "${exit_hooks[@]}"; do eval "$hook" || true; done
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  if [ "${KEEP:-0}" = 1 ]; then say "kept $tmp"; else rm -rf "$tmp"; fi
}
bench_init() {
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/pigeon-bench.XXXXXX")"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

# --- Postfix's test programs (smtp-source, smtp-sink) and Postfix itself: Debian's postfix package ----
postfix_note=""
postfix_program() { # NAME: prints the program's path (PATH, then /usr/sbin), or nothing
  local p
  p="$(command -v "$1" || true)"
  [ -z "$p" ] && [ -x "/usr/sbin/$1" ] && p="/usr/sbin/$1"
  printf '%s' "$p"
}
need_postfix() { # PROGRAM...: installs Debian's postfix (as "No configuration") if one of them is missing
  local missing=() p sudo=()
  for p in "$@"; do [ -n "$(postfix_program "$p")" ] || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local names paths
  names="$(printf '%s, ' "${missing[@]}")"; names="${names%, }"
  paths="$(printf '/usr/sbin/%s, ' "${missing[@]}")"; paths="${paths%, }"
  say "$names not found: installing Debian's postfix (it provides $paths)..."
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  # postfix's debconf questions: a "No configuration" install, so it is not set up as a mail server.
  echo "postfix postfix/main_mailer_type select No configuration" | "${sudo[@]}" debconf-set-selections 2>/dev/null || true
  if ! "${sudo[@]}" apt-get install -y -q postfix >"$tmp/apt.log" 2>&1; then
    "${sudo[@]}" apt-get update -q >>"$tmp/apt.log" 2>&1 || true
    "${sudo[@]}" apt-get install -y -q postfix >>"$tmp/apt.log" 2>&1 || { tail -20 "$tmp/apt.log" >&2; die "could not install postfix"; }
  fi
  for p in "${missing[@]}"; do [ -x "/usr/sbin/$p" ] || die "postfix installed, but /usr/sbin/$p is missing"; done
  postfix_note="postfix was installed for $names"
}
note_system_postfix() { # adds a note when the system's own postfix daemon runs (call before starting any)
  # (a zombie "master", left by a stopped instance until init reaps it, is no running daemon; nor is the
  # master of a private instance, such as another benchmark's: its environment names its own MAIL_CONFIG)
  local p conf
  [ -d /etc/postfix ] || return 0
  for p in $(ps -C master -o pid=,stat= 2>/dev/null | awk '$2 !~ /^Z/ { print $1 }'); do
    conf=$(tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | sed -n 's/^MAIL_CONFIG=//p') || conf=""
    if [ -z "$conf" ] || [ "$conf" = /etc/postfix ]; then
      postfix_note="${postfix_note:+$postfix_note; }a postfix daemon is running on this machine (port 25, not used here; left as it is)"
      return 0
    fi
  done
}

# --- a private Postfix instance: its own main.cf, master.cf and queue under $tmp/postfix -------------------
# /etc/postfix and the system's mail are left alone. Usage:
#   postfix_prepare HOSTNAME   checks for root and Postfix's users, makes $pf (the instance's directory) and
#                              writes its main.cf (what every instance here shares) and master.cf (smtpd on
#                              127.0.0.1:$postfix_smtp, a free port, and the services a relay or a virtual(8)
#                              delivery needs; no chroot)
#   cat >>"$pf/conf/main.cf"   the caller's own settings (relayhost, virtual_mailbox_domains...)
#   postfix_start              `postfix check`, then `postfix start-fg` as this script's child, until smtpd
#                              listens; `postfix stop` (and deleting $pf, which holds root's files) on exit
#                              (postfix_launch: the same without waiting)
# Also sets $postfix_cmd, $postconf_cmd, $postfix_version, $postfix_compat and $asroot (sudo -n unless root).
postfix_prepare() {
  local hostname=$1
  need_postfix postfix postconf
  postfix_cmd="$(postfix_program postfix)"
  postconf_cmd="$(postfix_program postconf)"
  asroot=(); [ "$(id -u)" -eq 0 ] || asroot=(sudo -n)
  "${asroot[@]}" true 2>/dev/null || die "starting a Postfix instance needs root (or sudo without a password)"
  getent passwd postfix >/dev/null || die "no user 'postfix' (the postfix package makes it)"
  getent group postdrop >/dev/null || die "no group 'postdrop' (the postfix package makes it)"
  # Postfix's daemons run as the user postfix and must reach their queue and data directories in $tmp.
  chmod 711 "$tmp"
  pf="$tmp/postfix"
  postfix_smtp=$(free_port)
  mkdir -p "$pf/conf" "$pf/queue" "$pf/data"
  postfix_version=$("$postconf_cmd" -d -h mail_version)
  # Debian's built-in default is 0 (its main.cf sets 3.6); 3.6 is the newest level Postfix 3.6+ knows.
  if printf '3.6\n%s\n' "$postfix_version" | sort -V -C 2>/dev/null; then
    postfix_compat=3.6
  else
    postfix_compat=$("$postconf_cmd" -d -h compatibility_level)
  fi
  cat >"$pf/conf/main.cf" <<EOF
# A private instance for bench/$bench_name, on loopback, nothing of /etc/postfix.
compatibility_level = $postfix_compat
queue_directory = $pf/queue
data_directory = $pf/data
mail_owner = postfix
setgid_group = postdrop
maillog_file = $pf/maillog
maillog_file_prefixes = $pf
myhostname = $hostname
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
mynetworks = 127.0.0.0/8
biff = no
EOF
  # Only the services these benchmarks need; no chroot (the queue directory would need copies of /etc files).
  cat >"$pf/conf/master.cf" <<EOF
127.0.0.1:$postfix_smtp inet n - n - - smtpd
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
virtual   unix  - n n - - virtual
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
EOF
}
postfix_fail() { tail -20 "$pf/maillog" >&2 2>/dev/null; die "$*"; }  # `postfix` logs its errors to the maillog file
postfix_stop() { # `postfix stop`, the master by its pid if it is still there after 10 s; its files (root's)
  local pid i
  pid=$("${asroot[@]}" cat "$pf/queue/pid/master.pid" 2>/dev/null | tr -d ' ') || true
  "${asroot[@]}" "$postfix_cmd" -c "$pf/conf" stop >/dev/null 2>&1 || true
  if [ -n "$pid" ]; then
    for i in $(seq 100); do "${asroot[@]}" kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    "${asroot[@]}" kill -KILL "$pid" 2>/dev/null || true
  fi
  [ "${KEEP:-0}" = 1 ] || "${asroot[@]}" rm -rf "$pf"
}
postfix_check() { # `postfix check`, once, and the exit hook that stops the instance
  [ -z "${postfix_checked:-}" ] || return 0
  "${asroot[@]}" chown postfix: "$pf/data"
  "${asroot[@]}" "$postfix_cmd" -c "$pf/conf" check >"$pf/check.log" 2>&1 \
    || { cat "$pf/check.log" >&2; postfix_fail "postfix check failed (see above)"; }
  exit_hooks+=("postfix_stop")
  postfix_checked=1
}
postfix_launch() { # starts the instance without waiting for it; sets $postfix_pid (the `postfix start-fg` child)
  postfix_check
  # start-fg: the master stays a child of this script (reaped here when it ends) instead of a daemon.
  "${asroot[@]}" "$postfix_cmd" -c "$pf/conf" start-fg >"$pf/start.log" 2>&1 &
  pids+=($!); postfix_pid=$!
}
postfix_start() { # postfix_launch, then until smtpd listens
  postfix_launch
  wait_port "$postfix_smtp" "$postfix_pid" Postfix "$pf/maillog"
}

# --- a private Dovecot on loopback: its own configuration, ports, users and Maildirs under $tmp/dovecot -----
# Debian's packages; nothing of /etc/dovecot is read. Usage (as postfix_prepare / postfix_start):
#   dovecot_prepare PROTOCOLS    PROTOCOLS: "imap", "pop3" or "imap pop3". need_dovecot PROTOCOLS, then makes $dv
#                                (the instance's directory) and writes $dv/dovecot.conf: the protocols on 127.0.0.1,
#                                $dovecot_imap and $dovecot_pop3 (free ports; 0 for a protocol not asked for), no
#                                TLS, a passwd-file of {PLAIN} passwords (empty), a Maildir per user in $dv/mail.
#                                Sets $mail_user, $mail_uid, $mail_gid (who owns the mail)
#   cat >>"$dv/dovecot.conf"     the caller's own settings (later settings win, so limits can be raised)
#   dovecot_user ADDRESS PASSWORD   an account
#   dovecot_maildir ADDRESS      makes the account's Maildir (cur/, new/, tmp/) to be filled with files; sets
#                                $dovecot_maildir (files written as root: chown -R $mail_uid:$mail_gid after)
#   dovecot_start                `dovecot -F` as this script's child ($dovecot_pid), until it listens; `dovecot stop`
#                                on exit (dovecot_launch: the same without waiting; dovecot_stop: stops it now)
# Dovecot refuses mail access as root, so when this runs as root the mail belongs to the package's `dovecot`
# user (and the login processes run as `dovenull`); otherwise everything runs as the current user.
need_dovecot() { # PROTOCOLS [PACKAGE...]: apt-get install of dovecot-core, dovecot-PROTOCOLd and the PACKAGEs
  # (dovecot-dev...) where one is missing; sets $dovecot_version
  local protocols=$1 packages=(dovecot-core) missing=() p sudo=()
  shift
  for p in $protocols; do packages+=("dovecot-${p}d"); done
  for p in "${packages[@]}" "$@"; do
    case "$p" in
      dovecot-core) [ -x /usr/sbin/dovecot ] || missing+=("$p") ;;
      dovecot-imapd) [ -x /usr/lib/dovecot/imap ] || missing+=("$p") ;;
      dovecot-pop3d) [ -x /usr/lib/dovecot/pop3 ] || missing+=("$p") ;;
      *) dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p") ;;
    esac
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian's ${missing[*]}..."
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    if ! "${sudo[@]}" apt-get install -y -q "${missing[@]}" >"$tmp/apt-dovecot.log" 2>&1; then
      "${sudo[@]}" apt-get update -q >>"$tmp/apt-dovecot.log" 2>&1 || true
      "${sudo[@]}" apt-get install -y -q "${missing[@]}" >>"$tmp/apt-dovecot.log" 2>&1 \
        || { tail -20 "$tmp/apt-dovecot.log" >&2; die "could not install ${missing[*]}"; }
    fi
  fi
  dovecot_version=$(/usr/sbin/dovecot --version 2>/dev/null | awk '{ print $1 }')
}
dovecot_prepare() {
  local protocols=$1 login_user internal_user p port
  [ $# -eq 1 ] || die "dovecot_prepare takes PROTOCOLS only (accounts: dovecot_user)"
  for p in $protocols; do case "$p" in imap|pop3) ;; *) die "dovecot_prepare: unknown protocol '$p' (imap, pop3)" ;; esac; done
  need_dovecot "$protocols"
  chmod 755 "$tmp"  # Dovecot's unprivileged processes read their configuration and mail below it
  dv="$tmp/dovecot"
  mkdir -p "$dv/run" "$dv/state" "$dv/mail"
  if [ "$(id -u)" -eq 0 ]; then
    mail_user=dovecot; login_user=dovenull; internal_user=dovecot
  else
    mail_user=$(id -un); login_user=$mail_user; internal_user=$mail_user
  fi
  mail_uid=$(id -u "$mail_user"); mail_gid=$(id -g "$mail_user")
  chown "$mail_uid:$mail_gid" "$dv/mail"
  : >"$dv/users"
  dovecot_imap=0; dovecot_pop3=0
  cat >"$dv/dovecot.conf" <<EOF
# bench/$bench_name: a private Dovecot $dovecot_version on loopback, nothing of the system's configuration
instance_name = pigeon-bench-dovecot-$$
base_dir = $dv/run
state_dir = $dv/state
log_path = $dv/dovecot.log
protocols = $protocols
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $internal_user
default_internal_group = $(id -gn "$internal_user")
default_login_user = $login_user
first_valid_uid = $mail_uid
last_valid_uid = $mail_uid
mail_location = maildir:$dv/mail/%u
mail_uid = $mail_uid
mail_gid = $mail_gid
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dv/users
}
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$dv/mail/%u
}
service anvil {
  chroot =
}
service stats {
  inet_listener http {
    port = 0
  }
}
EOF
  for p in $protocols; do  # the login service of each protocol: no chroot, its plain-text port, no implicit TLS
    port=$(free_port)
    case "$p" in imap) dovecot_imap=$port ;; pop3) dovecot_pop3=$port ;; esac
    cat >>"$dv/dovecot.conf" <<EOF
service $p-login {
  chroot =
  inet_listener $p {
    address = 127.0.0.1
    port = $port
  }
  inet_listener ${p}s {
    port = 0
  }
}
EOF
  done
  chmod -R a+rX "$dv"
}
dovecot_user() { # ADDRESS PASSWORD
  printf '%s:{PLAIN}%s\n' "$1" "$2" >>"$dv/users"
}
dovecot_maildir() { # ADDRESS
  dovecot_maildir="$dv/mail/$1"
  mkdir -p "$dovecot_maildir/cur" "$dovecot_maildir/new" "$dovecot_maildir/tmp"
  chown -R "$mail_uid:$mail_gid" "$dovecot_maildir"
}
dovecot_pid=""
dovecot_launch() { # starts it without waiting; sets $dovecot_pid
  /usr/sbin/dovecot -F -c "$dv/dovecot.conf" >>"$dv/stdout.log" 2>&1 &
  pids+=($!); dovecot_pid=$!
  [ -n "${dovecot_hooked:-}" ] || exit_hooks+=("/usr/sbin/dovecot -c '$dv/dovecot.conf' stop >/dev/null 2>&1")
  dovecot_hooked=1
}
dovecot_start() { # dovecot_launch, then until it listens (the master opens every listener before it forks)
  local port=$dovecot_imap ports=""
  [ "$dovecot_imap" = 0 ] || ports="IMAP $dovecot_imap"
  [ "$dovecot_pop3" = 0 ] || ports="${ports:+$ports, }POP3 $dovecot_pop3"
  [ "$port" != 0 ] || port=$dovecot_pop3
  say "starting Dovecot $dovecot_version ($ports)..."
  dovecot_launch
  wait_port "$port" "$dovecot_pid" Dovecot "$dv/stdout.log"
}
dovecot_stop() { # `dovecot stop` (the master stops its children), until the master has ended
  [ -n "$dovecot_pid" ] || return 0
  /usr/sbin/dovecot -c "$dv/dovecot.conf" stop >/dev/null 2>&1 || true
  stop_pid "$dovecot_pid"
  dovecot_pid=""
}

# --- Pigeon: built by its launcher, then run from a snapshot -------------------------------------------
# ./pigeon rebuilds server/target whenever a source is newer than the jar. Other people edit the tree
# while this runs, and a rebuild under a running server replaces the jars it is loading classes from
# (and would change what is measured half-way). So: build once through the launcher, then copy the
# launcher, scripts/jdk.sh and the built jar with its lib/ into the temporary directory and run that
# copy: the same launcher and the same `java ... -jar pigeon.jar`, with no sources beside it to rebuild.
snapshot_pigeon() { # sets $app (the copy's directory) and $pigeon_rev
  say "building Pigeon if needed (./pigeon --help)..."
  "$repo/pigeon" --help >"$tmp/build.log" 2>&1 || { tail -40 "$tmp/build.log" >&2; die "./pigeon does not build or start"; }
  app="$tmp/app"
  mkdir -p "$app/scripts" "$app/server/target"
  cp -p "$repo/pigeon" "$app/"
  cp -p "$repo/scripts/jdk.sh" "$app/scripts/"
  cp -pR "$repo/server/target/pigeon.jar" "$repo/server/target/lib" "$app/server/target/"
  pigeon_rev="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
  [ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null | head -n1)" ] && pigeon_rev="$pigeon_rev+local changes"
  return 0
}

# --- ports ---------------------------------------------------------------------------------------------
free_port() { # a port nothing listens on, not handed out before in this run
  # Called as $(free_port), a subshell: the ports handed out are kept in a file, not in a variable.
  local p list="${tmp:?bench_init first}/.ports-taken"
  touch "$list"
  while :; do
    p=$((20000 + RANDOM % 40000))
    grep -qx "$p" "$list" && continue
    if command -v ss >/dev/null; then
      [ -z "$(ss -Htan "sport = :$p" 2>/dev/null)" ] || continue
    else
      (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    fi
    echo "$p" >>"$list"; echo "$p"; return
  done
}
pigeon_listeners() { # prints "KEY = PORT" for every Pigeon listener, each on a free port, and sets
  # $pigeon_smtp, $pigeon_submission, $pigeon_pop3, $pigeon_imap, $pigeon_webmail (a benchmark must not depend on the defaults being free)
  pigeon_smtp=$(free_port); pigeon_submission=$(free_port); pigeon_pop3=$(free_port); pigeon_imap=$(free_port)
  pigeon_webmail=$(free_port)
  printf 'smtp.port = %s\nsubmission.port = %s\npop3.port = %s\nimap.port = %s\nwebmail.port = %s\n' \
    "$pigeon_smtp" "$pigeon_submission" "$pigeon_pop3" "$pigeon_imap" "$pigeon_webmail"
  printf 'submissions.port = off\nimaps.port = off\npop3s.port = off\n'  # the implicit-TLS ports: not measured here
}
wait_port() { # port pid name log: until the port accepts a connection (60 s), or the process died
  local port=$1 pid=$2 name=$3 log=$4 i
  for i in $(seq 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; die "$name exited before listening on $port"; }
    sleep 0.1
  done
  tail -30 "$log" >&2; die "$name did not listen on port $port within 60 s"
}

# --- figures ---------------------------------------------------------------------------------------------
# figure NAME UNIT PIGEON PEER PEER_VALUE [RATIO]: one result line for bench/all. Printed to stdout as
#   "figure: NAME | UNIT | PIGEON | PEER | PEER_VALUE | RATIO"
# and appended (tab-separated) to $BENCH_FIGURES when that is set. RATIO defaults to PIGEON/PEER_VALUE;
# a script whose figure is a time (lower is better) passes PEER_VALUE/PIGEON itself, so that above 1
# always means Pigeon is ahead.
figure() {
  local name=$1 unit=$2 ours=$3 peer=$4 theirs=$5 ratio=${6:-}
  [ -n "$ratio" ] || ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { if (a + 0 == a && b + 0 == b && b > 0) printf "%.2f", a / b; else printf "?" }')
  printf 'figure: %s | %s | %s | %s | %s | %s\n' "$name" "$unit" "$ours" "$peer" "$theirs" "$ratio"
  [ -z "${BENCH_FIGURES:-}" ] || printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$unit" "$ours" "$peer" "$theirs" "$ratio" >>"$BENCH_FIGURES"
}
median() { median_of 1 "$@"; }
median_of() { # DIGITS VALUE...: the median, with DIGITS decimals
  local digits=$1; shift
  printf '%s\n' "$@" | sort -g | awk -v f="%.${digits}f" '{ v[NR] = $1 } END { if (NR % 2) printf f, v[(NR + 1) / 2]; else printf f, (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
java_version() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p' | head -n1; }
fs_type() { df -PT "$1" 2>/dev/null | awk 'NR == 2 { print $2 }'; }

# --- Pigeon's listeners, every one on a free port ------------------------------------------------------
pigeon_all_listeners() { # app_dir: prints "KEY = PORT" for every `*.port` key this build's PigeonConfig
  # names (a key the build does not know would stop it; relay.port is an outbound port and is left out),
  # and sets $pigeon_imap. Needs $JAVA_HOME (scripts/jdk.sh) and $tmp.
  local app_dir=$1 keys key p lines=""
  mkdir -p "$tmp/probe"
  (cd "$tmp/probe" && "$JAVA_HOME/bin/jar" xf "$app_dir/server/target/pigeon.jar" pigeon/server/PigeonConfig.class) 2>/dev/null || true
  keys=$(grep -aoE '[a-z][a-z0-9-]*\.port' "$tmp/probe/pigeon/server/PigeonConfig.class" 2>/dev/null | sort -u || true)
  for key in smtp.port submission.port pop3.port imap.port $keys; do
    [ "$key" = relay.port ] && continue
    case "$lines" in *"$key = "*) continue ;; esac
    p=$(free_port)
    lines="$lines$key = $p"$'\n'
    [ "$key" = imap.port ] && pigeon_imap=$p
  done
  printf '%s' "$lines"
}
