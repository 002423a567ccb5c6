"""``python -m policykg load|sync|query|compare|export``: see `policykg.cli`."""

import sys

from policykg.cli import main

if __name__ == "__main__":
    sys.exit(main())
