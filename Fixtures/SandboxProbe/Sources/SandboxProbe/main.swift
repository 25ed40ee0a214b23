import Probed

print(probedAnswer())
