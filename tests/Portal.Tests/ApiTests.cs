using System.Net.Http.Json;
using System.Text.Json;
using ContainerNetLib.Tests.Shared;

namespace ContainerNetLib.Portal.Tests;

[Collection(PortalCollection.Name)]
public class ApiTests(TestDatabase server)
{
    [Fact]
    public async Task Api_serves_sections_entries_and_search_in_documented_shapes()
    {
        // Otherwise: scripts and bots built on the API break silently.
        await using var app = await PortalApp.StartAsync(server);
        var client = app.Client();

        var sections = await client.GetFromJsonAsync<JsonElement>("/api/sections");
        Assert.Equal(7, sections.GetArrayLength());
        Assert.Equal("docker-and-kubernetes", sections[0].GetProperty("slug").GetString());
        Assert.Equal(23, sections[0].GetProperty("entryCount").GetInt32());

        var section = await client.GetFromJsonAsync<JsonElement>("/api/sections/docker-and-kubernetes");
        Assert.Equal(5, section.GetProperty("entries").GetArrayLength());
        var first = section.GetProperty("entries")[0];
        Assert.Equal("Understanding container networking", first.GetProperty("title").GetString());
        Assert.Equal("2017-06-01", first.GetProperty("date").GetString());
        Assert.Equal("Lee Calcote", first.GetProperty("authors")[1].GetProperty("name").GetString());
        Assert.Equal("https://github.com/leecalcote", first.GetProperty("authors")[1].GetProperty("profiles")[0].GetString());

        var id = first.GetProperty("id").GetInt64();
        var entry = await client.GetFromJsonAsync<JsonElement>($"/api/entries/{id}");
        Assert.Equal($"/sections/docker-and-kubernetes#e-{id}", entry.GetProperty("permalink").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/entries/987654321")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/sections/nope")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync("/api/search")).StatusCode);

        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=calcote");
        Assert.Equal("Understanding container networking", search.GetProperty("hits")[0].GetProperty("title").GetString());

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/sections", "/api/sections/{slug}", "/api/entries/{id}", "/api/search" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
    }
}
