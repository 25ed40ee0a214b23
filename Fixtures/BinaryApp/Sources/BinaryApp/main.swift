import VendorSwift

print(connectToVendor())
