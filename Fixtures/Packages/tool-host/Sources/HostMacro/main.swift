import MacroSupport

print(macroSupport())
