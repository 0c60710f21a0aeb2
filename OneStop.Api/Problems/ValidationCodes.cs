namespace OneStop.Api.Problems;

/// <summary>
/// The stable codes of field errors (the <c>codes</c> extension of a 400 problem). A code names the rule, never the
/// wording: the API's English message may change, the code does not, and the pages write each code in Vietnamese
/// (<c>Pages/Messages</c>; a test checks that every code here has its text). Arguments, where a code has them, are
/// listed beside it in order.
/// </summary>
public static class ValidationCodes
{
    /// <summary>A value refused without a code of its own (a page shows "Giá trị không hợp lệ.").</summary>
    public const string Invalid = "invalid";

    /// <summary>A required value is missing.</summary>
    public const string Required = "required";

    /// <summary>A required text is missing or blank. Args: the longest length.</summary>
    public const string RequiredText = "required-text";

    /// <summary>A text is too long. Args: the longest length.</summary>
    public const string TooLong = "too-long";

    /// <summary>A text holds a control, format or unassigned character.</summary>
    public const string ForbiddenCharacter = "forbidden-character";

    /// <summary>A list has too many items. Args: the most items.</summary>
    public const string TooManyItems = "too-many-items";

    /// <summary>A whole number outside a range. Args: the least, the greatest.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>Not an ISO 8601 date and time with its offset.</summary>
    public const string NotAnInstant = "not-an-instant";

    /// <summary>Not an ISO 8601 date.</summary>
    public const string NotADate = "not-a-date";

    /// <summary>A date or instant outside 1900-2199, the working calendar's range.</summary>
    public const string DateOutOfRange = "date-out-of-range";

    /// <summary>A declared time after the server's now.</summary>
    public const string LaterThanNow = "later-than-now";

    /// <summary>A declared time before the dossier's acceptance.</summary>
    public const string BeforeAcceptance = "before-acceptance";

    /// <summary>A personal id number (CCCD) that is not 12 digits.</summary>
    public const string IdNumber = "id-number";

    /// <summary>Not a Vietnamese phone number.</summary>
    public const string Phone = "phone";

    /// <summary>Not an e-mail address.</summary>
    public const string Email = "email";

    /// <summary>An agency that does not exist or is outside the member's subtree.</summary>
    public const string UnknownAgency = "unknown-agency";

    /// <summary>A procedure that does not exist or that the agency does not handle.</summary>
    public const string UnknownProcedure = "unknown-procedure";

    /// <summary>A procedure without a version in force.</summary>
    public const string NoVersionInForce = "no-version-in-force";

    /// <summary>A channel other than Counter, Online or Post.</summary>
    public const string Channel = "channel";

    /// <summary>A document line without an original or a copy, or with negative or too many. Args: the most of each.</summary>
    public const string DocumentCopies = "document-copies";

    /// <summary>The desk's form: no document of the checklist ticked.</summary>
    public const string NoDocumentTicked = "no-document-ticked";

    /// <summary>The agency whose desk received a dossier for another agency is missing.</summary>
    public const string ReceivingAgencyRequired = "receiving-agency-required";

    /// <summary>The receiving agency is the competent one (receivedElsewhere is for another agency's desk).</summary>
    public const string ReceivingAgencyIsCompetent = "receiving-agency-is-competent";

    /// <summary>When the receiving desk received the dossier is missing.</summary>
    public const string ReceivedAtRequired = "received-at-required";

    /// <summary>The receiving desk received it after the competent agency did.</summary>
    public const string ReceivedAfterAcceptance = "received-after-acceptance";

    /// <summary>A step's budget outside 0-2400 working hours.</summary>
    public const string StepBudget = "step-budget";

    /// <summary>The new appointment of an apology is missing.</summary>
    public const string AppointmentRequired = "appointment-required";

    /// <summary>The new appointment is not in the future.</summary>
    public const string AppointmentNotInFuture = "appointment-not-in-future";

    /// <summary>The dossier has no apology with this id.</summary>
    public const string NoSuchApology = "no-such-apology";

    /// <summary>A page number below 1.</summary>
    public const string PageNumber = "page-number";

    /// <summary>An Idempotency-Key that is not 1 to 200 printable ASCII characters.</summary>
    public const string IdempotencyKey = "idempotency-key";

    /// <summary>A sign-in's user name longer than 256 characters or holding a control character.</summary>
    public const string UserName = "user-name";

    /// <summary>The framework could not read the request (bad JSON, a value of the wrong type, too large, not JSON).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Every code, for the test that each has its Vietnamese text.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(ValidationCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
