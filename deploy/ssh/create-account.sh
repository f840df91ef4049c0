#!/bin/sh
# Makes (or repairs) the locked-down account through which patients reach
# the kiosk over SSH.  Run as root after `make install`.  Running it again
# changes only what differs, so it also checks an existing set-up.
#
#   sh deploy/ssh/create-account.sh --open        # ssh guest@host, no password
#   sh deploy/ssh/create-account.sh --keys-only   # only the keys root lists
#
# Options [defaults]:
#   --user NAME      the account [guest]
#   --kiosk PATH     the kiosk program, also the account's login shell
#                    [/usr/local/bin/kiosk]
#   --home DIR       its home folder, owned by root [/var/lib/kiosk-guest]
#   --config FILE    the settings its sessions read [/etc/kiosk/kiosk.conf]
#   --keys FILE      its authorized keys, owned by root
#                    [/etc/kiosk/ssh/authorized_keys]
#   --state DIR      the one folder the account may write: session slots
#                    (kiosk.conf [ssh] lock_dir = DIR/sessions) and the log
#                    (log = DIR/kiosk.log) [/var/lib/kiosk-ssh]
#
# What it sets up, and why: docs/deploy-ssh.md.  The account:
#   - has the kiosk as its login shell, so whatever sshd is asked to run
#     ("kiosk -c COMMAND"), the kiosk runs and nothing else;
#   - owns nothing: its home and everything in it belong to root, so it
#     cannot plant ~/.ssh/authorized_keys, ~/.ssh/rc or a kiosk.conf;
#   - is in no group but its own;
#   - has an empty password (--open) or none that can ever match
#     (--keys-only, "*").
# The kiosk is not added to /etc/shells: sshd does not need it there, and
# programs that check that list then treat it as a restricted shell: su
# refuses "su -s /bin/sh guest" (with the empty password, that would be a
# real shell for any local user), FTP daemons refuse the account.
set -eu

user=guest
kiosk=/usr/local/bin/kiosk
home=/var/lib/kiosk-guest
config=/etc/kiosk/kiosk.conf
keys=/etc/kiosk/ssh/authorized_keys
state=/var/lib/kiosk-ssh
signin=

die() { echo "create-account: $*" >&2; exit 1; }
note() { echo "create-account: $*"; }

while [ $# -gt 0 ]; do
	case $1 in
	--open) signin=open ;;
	--keys-only) signin=keys ;;
	--user|--kiosk|--home|--config|--keys|--state)
		[ $# -ge 2 ] || die "$1 needs a value"
		case $1 in
		--user) user=$2 ;;
		--kiosk) kiosk=$2 ;;
		--home) home=$2 ;;
		--config) config=$2 ;;
		--keys) keys=$2 ;;
		--state) state=$2 ;;
		esac
		shift ;;
	-h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown option $1 (see --help)" ;;
	esac
	shift
done

[ -n "$signin" ] || die "choose --open (no password) or --keys-only"
[ "$(id -u)" = 0 ] || die "run as root"
case $user in
''|root|*[!a-z0-9_-]*) die "bad account name '$user'" ;;
esac
for p in "$kiosk" "$home" "$config" "$keys" "$state"; do
	case $p in /*) ;; *) die "$p: give an absolute path" ;; esac
done

# The program that becomes a login shell must be root's alone: whoever can
# change it or its folder owns every guest session.
if [ ! -f "$kiosk" ] || [ ! -x "$kiosk" ]; then
	die "$kiosk is not an executable file (make install?)"
fi
for p in "$kiosk" "$(dirname "$kiosk")"; do
	[ "$(stat -c %u "$p")" = 0 ] || die "$p must be owned by root"
	case $(stat -c %A "$p") in
	?????w????|????????w?) die "$p must not be writable by group or others" ;;
	esac
done
"$kiosk" --version >/dev/null 2>&1 || die "$kiosk --version fails"

# The settings sessions will read: a kiosk.conf in the home comes first.
used=$config
[ ! -e "$home/kiosk.conf" ] || used=$home/kiosk.conf
[ -f "$used" ] || die "$used does not exist (make install writes $config)"

# The account and its group.
if ! getent passwd "$user" >/dev/null; then
	useradd --system --user-group --home-dir "$home" --no-create-home \
		--shell "$kiosk" --comment "Patient kiosk over SSH" "$user"
	note "made the account $user"
fi
case $(getent passwd "$user" | cut -d: -f7) in
"$kiosk"|*/kiosk|*/nologin|*/false) ;;
*) die "$user exists with the shell $(getent passwd "$user" | cut -d: -f7): not turning an ordinary account into the kiosk's" ;;
esac
[ "$(id -u "$user")" != 0 ] || die "$user has uid 0"
[ "$(getent passwd "$user" | cut -d: -f7)" = "$kiosk" ] ||
	{ usermod --shell "$kiosk" "$user"; note "login shell of $user: $kiosk"; }
[ "$(getent passwd "$user" | cut -d: -f6)" = "$home" ] ||
	{ usermod --home "$home" "$user"; note "home of $user: $home"; }
group=$(id -gn "$user")
[ "$(id -Gn "$user")" = "$group" ] ||
	{ usermod --groups "" "$user"; note "removed $user from its other groups"; }

# Sign-in.  The shadow field: "" lets PermitEmptyPasswords in, "*" matches
# no password at all.  No expiry, so the account never locks itself.
pw=$(getent shadow "$user" | cut -d: -f2)
if [ "$signin" = open ]; then
	[ -z "$pw" ] || { passwd --delete "$user" >/dev/null; note "$user: empty password (passwordless guest login)"; }
	grep -Eq '^auth.*pam_unix\.so.*\bnullok\b' /etc/pam.d/common-auth 2>/dev/null ||
		note "warning: pam_unix in /etc/pam.d/common-auth lacks nullok; passwordless login will fail"
else
	[ "$pw" = '*' ] || { usermod --password '*' "$user"; note "$user: password locked (keys only)"; }
fi
chage --maxdays -1 --expiredate -1 --inactive -1 "$user"

# Home: root's, read-only for the account, and the shell's working
# folder.  Anything in it that the account owns or could write is given
# back to root (a kiosk.conf here is read before the --config file).
install -d -o root -g root -m 755 "$home"
chown root:root "$home"
chmod 755 "$home"
fixed=$(find "$home" -mindepth 1 \( -user "$user" -o -group "$group" \
	-o \( ! -type l -perm /022 \) \) -print)
if [ -n "$fixed" ]; then
	find "$home" -mindepth 1 -exec chown -h root:root {} +
	find "$home" -mindepth 1 ! -type l -exec chmod go-w {} +
	note "now owned by root and not writable by $user:"
	echo "$fixed" | sed 's/^/  /'
fi
[ ! -e "$home/.ssh" ] ||
	note "$home/.ssh is never read (AuthorizedKeysFile is $keys)"
[ ! -e "$home/kiosk.conf" ] || [ "$home/kiosk.conf" = "$config" ] ||
	note "sessions read $home/kiosk.conf (it comes before $config)"

# Authorized keys: root's file, one key a line; empty is fine with --open.
install -d -m 755 "$(dirname "$keys")"
[ -e "$keys" ] || install -m 644 /dev/null "$keys"
chown root:root "$keys"
chmod 644 "$keys"

# A CPU share per session: the account's systemd slice (all its
# sessions together) gets slice-kiosk.conf; pam_systemd puts each SSH
# login in a scope of that slice, which shares it evenly.
slice_dir=/etc/systemd/system/user-$(id -u "$user").slice.d
here=$(cd "$(dirname "$0")" && pwd)
install -d -m 755 "$slice_dir"
if ! cmp -s "$here/slice-kiosk.conf" "$slice_dir/50-kiosk.conf"; then
	install -m 644 "$here/slice-kiosk.conf" "$slice_dir/50-kiosk.conf"
	note "CPU share for $user's sessions: $slice_dir/50-kiosk.conf"
	[ ! -d /run/systemd/system ] || systemctl daemon-reload
fi

# State: the only folder the account writes to (session slots, log).
install -d -o "$user" -g "$group" -m 700 "$state" "$state/sessions"
chown "$user:$group" "$state" "$state/sessions"
chmod 700 "$state" "$state/sessions"

# The settings, as the account sees them.
runuser -u "$user" -- test -r "$used" || die "$user cannot read $used"
setting() { # the value of key in $used, quotes and comments removed
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$used" |
		sed 's/[[:space:]][;#].*//; s/^"\(.*\)"$/\1/; s/[[:space:]]*$//' | tail -n 1
}
if [ "$(setting mode)" = waiting-room ]; then
	note "warning: $used has mode = waiting-room: SSH sessions then have no"
	note "  idle limit, time limit or session count; give them their own"
	note "  settings in $home/kiosk.conf (see docs/deploy-ssh.md)"
fi
[ "$(setting lock_dir)" = "$state/sessions" ] ||
	note "set in $used, section [ssh]:  lock_dir = $state/sessions"
[ "$(setting log)" = "$state/kiosk.log" ] ||
	note "set in $used, section [kiosk]:  log = $state/kiosk.log"
if ! (cd "$home" && runuser -u "$user" -- "$kiosk" --check --config "$used" >/dev/null 2>&1); then
	note "warning: as $user, kiosk --check --config $used reports errors:"
	(cd "$home" && runuser -u "$user" -- "$kiosk" --check --config "$used" 2>&1 | tail -n 5 | sed 's/^/  /') || true
fi

# The sshd side: what sshd would apply to this account now.
eff=$(sshd -T -C "user=$user,host=localhost,addr=127.0.0.1" 2>/dev/null) || eff=
if ! printf '%s\n' "$eff" | grep -q '^forcecommand /'; then
	note "next: install -m 644 deploy/ssh/50-kiosk.conf /etc/ssh/sshd_config.d/"
	note "      (its Match User line names $user), then sshd -t && systemctl reload ssh"
else
	printf '%s\n' "$eff" | grep -q "^forcecommand $kiosk\( \|\$\)" ||
		note "warning: sshd's ForceCommand for $user does not run $kiosk"
	if [ "$signin" = open ]; then
		n=$(printf '%s\n' "$eff" | grep -Ec '^(permitemptypasswords|passwordauthentication) yes') || true
		[ "$n" = 2 ] ||
			note "warning: sshd does not allow $user an empty password (PasswordAuthentication, PermitEmptyPasswords)"
	fi
fi
note "$user is ready: login shell $kiosk, home $home (root's), keys $keys"
