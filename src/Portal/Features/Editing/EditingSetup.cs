namespace ContainerNetLib.Portal.Features.Editing;

public static class EditingSetup
{
    public static WebApplicationBuilder AddEditing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EditUnit>();
        builder.Services.AddSingleton<EntryEditing>();
        builder.Services.AddSingleton<EntryPlacement>();
        builder.Services.AddSingleton<SectionEditing>();
        builder.Services.AddSingleton<BulkAdd>();
        builder.Services.AddSingleton<HistoryQueries>();
        builder.Services.AddSingleton<EditorQueries>();
        builder.Services.AddSingleton<LinkPrefill>();
        return builder;
    }
}
