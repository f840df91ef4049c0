#!/bin/sh
# Sets up the waiting-room console: run as root after `make install`.
#   sh deploy/console/install.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)

id kiosk >/dev/null 2>&1 ||
	useradd --system --home-dir /var/lib/kiosk --create-home \
		--shell /usr/sbin/nologin kiosk
install -d -o kiosk -g kiosk -m 750 /var/lib/kiosk

# kiosk.conf holds the staff PIN's hash: root and the kiosk read it,
# nobody else (a readable hash of a short PIN falls offline in minutes).
if [ -e /etc/kiosk/kiosk.conf ]; then
	chown root:kiosk /etc/kiosk/kiosk.conf
	chmod 640 /etc/kiosk/kiosk.conf
fi

install -m 644 "$here/kiosk-console.service" /etc/systemd/system/
install -d /etc/systemd/logind.conf.d /etc/sysctl.d
install -m 644 "$here/logind-kiosk.conf" /etc/systemd/logind.conf.d/kiosk.conf
install -m 644 "$here/sysctl-kiosk.conf" /etc/sysctl.d/90-kiosk.conf
sysctl --system >/dev/null

# Ctrl+Alt+Del must not reboot the machine from the waiting room: neither
# once (ctrl-alt-del.target) nor 7 times in 2 s (CtrlAltDelBurstAction).
systemctl mask ctrl-alt-del.target
install -d /etc/systemd/system.conf.d
install -m 644 "$here/system-kiosk.conf" /etc/systemd/system.conf.d/kiosk.conf
systemctl daemon-reexec
systemctl disable getty@tty1.service 2>/dev/null || true
systemctl daemon-reload
systemctl enable --now kiosk-console.service
echo "The kiosk now runs on tty1. Check it with: systemctl status kiosk-console"
