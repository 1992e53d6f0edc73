"""`python -m viewer` runs the command line."""
import sys

from viewer.cli import main

sys.exit(main())
