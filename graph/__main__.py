"""``python -m graph sync|query|compare|export``: the command line's older name, kept so documented
commands and scripts keep working. The program is `policykg.cli`; this file is an entry point, not
part of the `graph` library (nothing imports it, and it alone in `graph` may import `policykg`).
"""

import sys

from policykg.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m graph"))
