from voorzorg.cli import main

main()
