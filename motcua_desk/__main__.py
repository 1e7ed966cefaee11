import multiprocessing

from motcua_desk.cli import main

if __name__ == "__main__":  # not again in a process started by `verify --jobs` (spawned)
    multiprocessing.freeze_support()  # the frozen Windows build: such a process starts here
    raise SystemExit(main())
