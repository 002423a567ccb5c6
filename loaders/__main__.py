"""``python -m loaders FILE_OR_FOLDER...``: the loader command line's older name, kept so documented
commands keep working. The program is `policykg.load_cli`; this file is an entry point, not part of
the `loaders` library (nothing imports it, and it alone in `loaders` may import `policykg`).
"""

import sys

from policykg.load_cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m loaders"))
