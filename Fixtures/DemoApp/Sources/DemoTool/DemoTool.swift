import InheritedMain

// Nothing here calls main(): the compiler does, because of @main.
@main
struct DemoTool: CommandTool {}
