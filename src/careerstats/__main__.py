from careerstats.cli import main

main()
