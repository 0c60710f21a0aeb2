using Microsoft.AspNetCore.Components;

namespace OneStop.Api.Desk;

/// <summary>The desk pages' own stylesheet (with the print rules), for the layout's head.</summary>
public static class DeskStyles
{
    public static readonly RenderFragment Link = builder =>
    {
        builder.OpenElement(0, "link");
        builder.AddAttribute(1, "rel", "stylesheet");
        builder.AddAttribute(2, "href", "/css/desk.css");
        builder.CloseElement();
    };
}
