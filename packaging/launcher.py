"""Entry script of the PyInstaller bundle: the same CLI as ``breastedu``."""

import os
import sys

# What Python's own start-up does (PEP 538 locale coercion) and the bundle's bootloader does not:
# with no locale set, or the bare "C"/"POSIX" one, and no LC_ALL, characters are handled as
# C.UTF-8, so Qt neither warns 'Detected locale "C"' nor treats file names as ASCII.
if not os.environ.get("LC_ALL") and (os.environ.get("LC_CTYPE") or os.environ.get("LANG") or "C") in (
    "C",
    "POSIX",
):
    os.environ["LC_CTYPE"] = "C.UTF-8"

from breastedu.cli import main  # after the locale, before anything loads Qt

if __name__ == "__main__":
    sys.exit(main())
