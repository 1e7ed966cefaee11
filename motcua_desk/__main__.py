from motcua_desk.cli import main

raise SystemExit(main())
