"""
The deploy files and `make install` as they keep the kiosk safe (issue 13):
the PIN hash readable only by root and the kiosk, Ctrl+Alt+Del bursts that
do nothing on the console, a CPU share for SSH sessions.
"""

import configparser
import os
import re
import stat
import subprocess

from kiosk_pty import ROOT

CONSOLE = os.path.join(ROOT, "deploy", "console")
SSH = os.path.join(ROOT, "deploy", "ssh")


# make install as staff run it: not with the settings of a make that runs
# this test (make asan passes BUILD=build/asan, OPT and SAN down, through
# MAKEFLAGS and, as command-line variables, the environment)
CLEAN_ENV = {k: v for k, v in os.environ.items()
             if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES",
                          "BUILD", "OPT", "SAN")}


def test_make_install_keeps_the_pin_hash_from_other_users(tmp_path):
    dest = tmp_path / "dest"
    r = subprocess.run(["make", "-s", "-C", ROOT, "install", f"DESTDIR={dest}"],
                       capture_output=True, text=True, timeout=600, env=CLEAN_ENV)
    assert r.returncode == 0, r.stdout + r.stderr
    conf = dest / "etc" / "kiosk" / "kiosk.conf"
    mode = stat.S_IMODE(os.stat(conf).st_mode)
    assert mode & 0o007 == 0, f"kiosk.conf installed {mode:o}: everyone can read the PIN hash"
    assert mode & 0o022 == 0, f"kiosk.conf installed {mode:o}: writable by others"
    # An existing, world-readable file loses its read access for others.
    os.chmod(conf, 0o644)
    r = subprocess.run(["make", "-s", "-C", ROOT, "install", f"DESTDIR={dest}"],
                       capture_output=True, text=True, timeout=600, env=CLEAN_ENV)
    assert r.returncode == 0, r.stdout + r.stderr
    assert stat.S_IMODE(os.stat(conf).st_mode) & 0o007 == 0


def test_console_install_protects_the_config():
    with open(os.path.join(CONSOLE, "install.sh")) as f:
        script = f.read()
    assert re.search(r"chown root:kiosk /etc/kiosk/kiosk\.conf", script)
    assert re.search(r"chmod 640 /etc/kiosk/kiosk\.conf", script)


def test_ctrl_alt_del_bursts_do_nothing():
    """systemd reboots on 7 Ctrl+Alt+Del within 2 s (CtrlAltDelBurstAction=
    reboot-force) even with ctrl-alt-del.target masked."""
    p = configparser.ConfigParser(strict=True)
    p.optionxform = str
    with open(os.path.join(CONSOLE, "system-kiosk.conf")) as f:
        p.read_file(f)
    assert p.get("Manager", "CtrlAltDelBurstAction") == "none"
    with open(os.path.join(CONSOLE, "install.sh")) as f:
        script = f.read()
    assert re.search(r"install -m 644 \"\$here/system-kiosk\.conf\" "
                     r"/etc/systemd/system\.conf\.d/[a-z0-9-]+\.conf", script), \
        "install.sh does not install the system.conf.d drop-in"
    assert "daemon-reexec" in script, "systemd would read the drop-in only at the next boot"
    assert "systemctl mask ctrl-alt-del.target" in script
