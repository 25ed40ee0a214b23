import Compressor

print(compress(Array("aaabbbcccc".utf8)))
