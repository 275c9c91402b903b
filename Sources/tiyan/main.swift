print("tiyan")
