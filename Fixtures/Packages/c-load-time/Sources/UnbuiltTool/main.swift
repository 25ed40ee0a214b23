import CUnbuiltLoadTime

print(capcheck_unbuilt_marker())
