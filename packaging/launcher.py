"""Entry script of the PyInstaller bundle: the same CLI as ``breastedu``."""

import sys

from breastedu.cli import main

if __name__ == "__main__":
    sys.exit(main())
