var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ContainerNetLib");
app.Run();

public partial class Program;
