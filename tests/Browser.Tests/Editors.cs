using Microsoft.Playwright;

namespace ContainerNetLib.Browser.Tests;

/// <summary>Signing in through the portal's own form, and opening an interactive page once it is live.</summary>
public static class Editors
{
    public const string Password = "a long enough password";

    public static async Task SignInAsync(IPage page, string returnUrl, string email, string password = Password)
    {
        await page.GotoAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAsync($"**{returnUrl}");
    }

    /// <summary>Opens an editor page and waits for its circuit: clicks sent before it connects are lost.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-circuit=connected]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
