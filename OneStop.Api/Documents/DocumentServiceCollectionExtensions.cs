using Microsoft.Extensions.Options;

namespace OneStop.Api.Documents;

/// <summary>Registers the document layer: options from "Documents", the fonts (loaded once) and the renderers.</summary>
public static class DocumentServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.SectionName);
        services.AddOptions<FormOptions>().BindConfiguration(FormOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FormSets>();
        services.AddSingleton(sp => DocumentFonts.Load(sp.GetRequiredService<IOptions<DocumentOptions>>().Value));
        services.AddSingleton<ReceiptFormRenderer>();
        services.AddSingleton<SupplementRequestFormRenderer>();
        services.AddSingleton<RefusalFormRenderer>();
        services.AddSingleton<ApologyFormRenderer>();
        services.AddSingleton<ControlSheetFormRenderer>();
        services.AddSingleton<TrackingBookRenderer>();
        services.AddSingleton<StopNoticeRenderer>();
        services.AddScoped<FormPrinter>();
        return services;
    }

    /// <summary>
    /// Loads the fonts now, so a missing or incomplete font stops start-up with a clear message
    /// instead of failing the first print. Call right after <c>builder.Build()</c>.
    /// </summary>
    public static void EnsureDocumentFonts(this IServiceProvider services) =>
        _ = services.GetRequiredService<DocumentFonts>();
}
