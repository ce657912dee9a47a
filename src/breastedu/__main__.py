"""``python -m breastedu`` runs the same CLI as the ``breastedu`` command."""

import sys

from breastedu.cli import main

sys.exit(main())
