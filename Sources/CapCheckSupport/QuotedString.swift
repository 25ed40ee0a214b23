extension String {
    /// The string in double quotes with quotes, backslashes and control characters escaped, for messages.
    package var quoted: String {
        var out = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u" + scalar.hex4
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
extension Unicode.Scalar {
    /// At least four uppercase hex digits, as in `U+00E9`.
    package var hex4: String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
