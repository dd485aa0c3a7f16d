using System.Reflection;
using ContainerNetLib.Portal.Components;
using ContainerNetLib.Portal.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;

namespace ContainerNetLib.Portal.Tests;

public class PageAreaTests
{
    [Fact]
    public void A_page_is_interactive_exactly_when_its_address_is_in_the_interactive_area()
    {
        // Otherwise: a page declared interactive is served without Blazor's script or its policy (its buttons do
        // nothing), or a reader page ships Blazor's script and a looser Content-Security-Policy.
        var pages = typeof(App).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => (type, route.Template)))
            .ToList();

        Assert.Contains(pages, page => page.Template == "/account/tokens");
        Assert.All(pages, page => Assert.True(
            page.type.GetCustomAttribute<RenderModeAttribute>()?.Mode is InteractiveServerRenderMode
                == PageAreas.IsInteractive(new PathString(page.Template)),
            $"{page.Template} ({page.type.Name}): its render mode and PageAreas.IsInteractive disagree"));
    }
}
