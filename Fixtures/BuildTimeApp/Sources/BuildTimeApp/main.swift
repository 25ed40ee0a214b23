import Probed
import Stringify

print(#stringify(probedAnswer()))
