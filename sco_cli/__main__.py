from sco_cli.cli import main

main()
