using ContainerNetLib.Portal.Components;
using ContainerNetLib.Portal.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalDatabase();
builder.Services.AddRazorComponents();

var app = builder.Build();

app.UseStaticFiles();
app.UseAntiforgery();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
