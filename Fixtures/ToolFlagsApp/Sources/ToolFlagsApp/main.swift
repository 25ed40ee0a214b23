import CToolFlags
import CQuietFlags

print(capcheck_tool_flags() + capcheck_quiet_flags())
