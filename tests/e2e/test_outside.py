"""
End-to-end tests of what was found from outside (issue 13): job control
signals, session limits while output is blocked, Scroll Lock in the waiting
room, the guest account as a login shell, and outside text in the log.
Each test here failed on the code before its fix.
"""

import fcntl
import os
import re
import signal
import struct
import subprocess
import termios
import time

import pytest

from conftest import BUNDLED_CONTENT, BUNDLED_TITLE
from kiosk_pty import Kiosk

HOME_DONE = re.escape("Stem cells for skin and hair")   # last article on home


def proc_state(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0]


# ----- 2. Ctrl-Z never reaches curses' own handler ----------------------------

def test_ctrl_z_and_resizes_leave_full_screen_mode_alone(spawn, bundled):
    """Normal mode keeps ISIG on (Ctrl-C quits), so Ctrl-Z makes a SIGTSTP.
    ncurses' own handler used to run inside the signal (endwin, then a
    redraw) while the loop was in resize_term or refresh.  Now SIGTSTP is
    ignored before curses starts: nothing leaves or re-enters the screen,
    and the kiosk is never stopped."""
    k = spawn(bundled, cols=100, rows=30)
    k.wait_for(HOME_DONE)
    k.wait_quiet()
    rmcup = b"\x1b[?1049l"
    mark = len(k.raw)
    for i in range(40):
        k.send(b"\x1a")
        k.resize(*((250, 130) if i % 2 else (100, 30)))
        time.sleep(0.003)
    k.resize(100, 30)
    k.wait_quiet()
    assert k.alive(), "the kiosk died after Ctrl-Z and resizes"
    assert proc_state(k.pid) != "T", "the kiosk is stopped"
    after = bytes(k.raw[mark:])
    assert rmcup not in after, \
        k.failure("Ctrl-Z made curses leave full-screen mode (its SIGTSTP handler ran)")
    k.send("down")
    k.wait_quiet()
    assert k.find(BUNDLED_TITLE), k.failure("the kiosk no longer answers keys")
