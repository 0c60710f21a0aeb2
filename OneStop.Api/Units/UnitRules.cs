namespace OneStop.Api.Units;

/// <summary>The stable codes of the catalogue's broken rules (409).</summary>
public static class UnitRules
{
    /// <summary>Another unit of the agency has this name, now or before a rename (names match ignoring case and spaces).</summary>
    public const string NameTaken = "unit-name-taken";

    /// <summary>The desk's unit is in every catalogue under its fixed name: it is neither renamed nor deactivated.</summary>
    public const string DeskFixed = "unit-desk-fixed";
}
