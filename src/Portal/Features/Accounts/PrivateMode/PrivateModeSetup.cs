using ContainerNetLib.Portal.Infrastructure;
namespace ContainerNetLib.Portal.Features.Accounts.PrivateMode;

/// <summary>
/// <c>Portal:Readers</c>: <c>Public</c> (the default) leaves reading open to anyone; <c>SignedIn</c> puts every page,
/// feed, API route and export behind an account (<see cref="PrivateModeCheck"/>).
/// </summary>
public static class PrivateModeSetup
{
    public static WebApplicationBuilder AddReaderAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ReaderAccess.Read(builder.Configuration));
        builder.Services.AddSingleton<OpenPaths>();
        return builder;
    }

    /// <summary>After authentication, before anything that can answer from a cache; nothing in public mode.</summary>
    public static IApplicationBuilder UseReaderAccess(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<ReaderAccess>().SignedInOnly
            ? app.UseMiddleware<PrivateModeCheck>()
            : app;
}
