import ToolSupport

print(toolSupport())
