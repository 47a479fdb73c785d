"""``python -m rasd`` runs the command-line interface."""

from rasd.cli.main import main

raise SystemExit(main())
