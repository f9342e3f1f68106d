from sco_cli.entry import main

main()
