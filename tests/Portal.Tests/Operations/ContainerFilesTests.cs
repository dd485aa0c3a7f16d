using System.Text.RegularExpressions;
using ContainerNetLib.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace ContainerNetLib.Portal.Tests.Operations;

/// <summary>
/// There is no Docker engine where this is developed: the compose file and the Dockerfile are checked
/// by reading them, for what a deployment depends on.
/// </summary>
public partial class ContainerFilesTests
{
    private static readonly string Root = RepoRoot.Path;

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "docker-compose.yml"))));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static string Text(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(key);

    [Fact]
    public void Compose_runs_postgres_with_a_volume_and_health_check_and_the_portal_and_workers_wait_for_it()
    {
        // Otherwise: `docker compose up` starts the portal before the database, loses the data with the container, or runs no worker.
        var compose = Compose();
        var services = Map(compose, "services");
        Assert.Equal(["portal", "postgres", "worker"], services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order(StringComparer.Ordinal));

        var postgres = Map(services, "postgres");
        Assert.StartsWith("postgres:15", Text(postgres, "image"));
        Assert.Contains(((YamlSequenceNode)postgres["volumes"]).Children, v => ((YamlScalarNode)v).Value == "pgdata:/var/lib/postgresql/data");
        Assert.Contains("pg_isready", string.Join(" ", ((YamlSequenceNode)Map(postgres, "healthcheck")["test"]).Children.Select(c => ((YamlScalarNode)c).Value)));
        Assert.Matches(@"^\$\{POSTGRES_PASSWORD:\?.+\}$", Text(Map(postgres, "environment"), "POSTGRES_PASSWORD"));
        Assert.True(Has(Map(compose, "volumes"), "pgdata"), "the pgdata volume is not declared");

        foreach (var name in new[] { "portal", "worker" })
        {
            var service = Map(services, name);
            Assert.Equal("service_healthy", Text(Map(Map(service, "depends_on"), "postgres"), "condition"));
            var connection = Text(Map(service, "environment"), "ConnectionStrings__Portal");
            Assert.Contains("Host=postgres;", connection);
            Assert.Contains("Password=${POSTGRES_PASSWORD}", connection);
            Assert.Equal("containernetlib/portal:latest", Text(service, "image"));
            Assert.Equal("unless-stopped", Text(service, "restart"));
        }

        var portal = Map(services, "portal");
        Assert.Equal(".", Text(portal, "build"));
        Assert.Equal("web", Text(Map(portal, "environment"), "Portal__Role"));
        Assert.Equal("true", Text(Map(portal, "environment"), "IMPORT_SEED_ON_FIRST_START"));
        Assert.EndsWith(":8080", ((YamlScalarNode)((YamlSequenceNode)portal["ports"]).Children.Single()).Value);

        var worker = Map(services, "worker");
        var entrypoint = ((YamlSequenceNode)worker["entrypoint"]).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        Assert.Equal(["dotnet", "/app/portal/ContainerNetLib.Portal.dll", "--role", "worker"], entrypoint);
        Assert.False(Has(worker, "ports"), "a worker must not publish a port: --scale worker=N would collide");
        Assert.Equal("9464", Text(Map(worker, "environment"), "Metrics__WorkerPort"));
        var check = string.Join(" ", ((YamlSequenceNode)Map(worker, "healthcheck")["test"]).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Contains("/dev/tcp/127.0.0.1/9464", check);
        Assert.Contains("GET /healthz/ready", check);
    }

    [Fact]
    public void Every_setting_compose_reads_from_the_environment_is_in_the_example_env_file()
    {
        // Otherwise: a new deployment misses a secret or setting nobody told them about.
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        var example = File.ReadAllLines(Path.Combine(Root, ".env.example"))
            .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l[..l.IndexOf('=')]).ToHashSet();
        var used = Variables().Matches(compose).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(example));
    }

    [Fact]
    public void The_image_is_multi_stage_tested_unprivileged_and_checks_readiness()
    {
        // Otherwise: the image runs as root, ships the SDK, or is reported healthy while it cannot reach its database.
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build", dockerfile);
        Assert.Matches(@"FROM build AS test\nCOPY tests/ tests/\nRUN dotnet test", dockerfile);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0 AS runtime", dockerfile);
        var runtime = dockerfile[dockerfile.IndexOf("AS runtime", StringComparison.Ordinal)..];
        Assert.DoesNotContain("COPY src/", runtime);
        Assert.Contains("USER app", runtime);
        Assert.Contains("/healthz/ready", runtime[runtime.IndexOf("HEALTHCHECK", StringComparison.Ordinal)..]);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", runtime);
        Assert.Contains("COPY --from=build /out/portal ./portal", runtime);

        var entrypoint = File.ReadAllText(Path.Combine(Root, "docker", "entrypoint.sh"));
        Assert.Contains("migrate", entrypoint);
        Assert.Contains("IMPORT_SEED_ON_FIRST_START", entrypoint);

        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();
        foreach (var path in new[] { "**/bin", "**/obj", ".git", ".data" }) Assert.Contains(path, ignored);
    }

    [GeneratedRegex(@"\$\{([A-Z_][A-Z0-9_]*)")]
    private static partial Regex Variables();
}
