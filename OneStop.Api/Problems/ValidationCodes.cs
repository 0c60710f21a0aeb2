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

    /// <summary>A request body over the input policy's limit.</summary>
    public const string BodyTooLarge = "body-too-large";

    /// <summary>A path and query over the input policy's limit. Args: the longest length.</summary>
    public const string UrlTooLong = "url-too-long";
    /// <summary>A status filter that names no dossier status.</summary>
    public const string DossierStatus = "dossier-status";

    /// <summary>A date range whose end comes before its start.</summary>
    public const string DateRange = "date-range";
    // Administration (agencies, procedures, calendar notices, users, units).

    /// <summary>An agency electronic id that is missing or not of either style (000.00.12.H40, H40.12.01).</summary>
    public const string ElectronicId = "electronic-id";

    /// <summary>Another agency has the electronic id.</summary>
    public const string ElectronicIdTaken = "electronic-id-taken";

    /// <summary>Not the administrator's own agency nor one under it.</summary>
    public const string OwnAgency = "own-agency";

    /// <summary>Not a time of day such as 15:00.</summary>
    public const string TimeOfDay = "time-of-day";

    /// <summary>A counting mode other than WorkingHours or CivilCode.</summary>
    public const string CountingMode = "counting-mode";

    /// <summary>An agency's public phone with other characters than digits, spaces and + ( ) . -.</summary>
    public const string AgencyPhone = "agency-phone";

    /// <summary>A working session that is not hh:mm-hh:mm with its start before its end.</summary>
    public const string Session = "session";

    /// <summary>Working sessions missing, out of order or overlapping.</summary>
    public const string Sessions = "sessions";

    /// <summary>A cut-off outside the working day. Args: the first session's start, the last one's end.</summary>
    public const string CutOffOutsideDay = "cut-off-outside-day";

    /// <summary>A national procedure code that is missing or malformed.</summary>
    public const string ProcedureCode = "procedure-code";

    /// <summary>A procedure has the code already.</summary>
    public const string ProcedureCodeTaken = "procedure-code-taken";

    /// <summary>Only an administrator of a root agency adds a procedure every agency offers.</summary>
    public const string SharedProcedureNeedsRoot = "shared-procedure-needs-root";

    /// <summary>A version's start before the latest version's. Args: its number, its start (dd/MM/yyyy).</summary>
    public const string PrecedesVersion = "precedes-version";

    /// <summary>A version's own cut-off that is not 16:00, closing-1h or closing-30m.</summary>
    public const string ProcedureCutOff = "procedure-cut-off";

    /// <summary>The citizen's time to bring a supplement below 1.</summary>
    public const string CitizenSupplementTime = "citizen-supplement-time";

    /// <summary>A fee that is not a whole, non-negative number of đồng.</summary>
    public const string Fee = "fee";

    /// <summary>A version's start that is not a date (or instant) of 1900-2199.</summary>
    public const string EffectiveFrom = "effective-from";

    /// <summary>A duration's unit missing or unknown.</summary>
    public const string DurationUnit = "duration-unit";

    /// <summary>A same-day processing time above 1.</summary>
    public const string SameDayAmount = "same-day-amount";

    /// <summary>A supplement window in other units than working days or hours.</summary>
    public const string SupplementWindowUnit = "supplement-window-unit";

    /// <summary>Two step budgets for one unit.</summary>
    public const string StepUnitRepeated = "step-unit-repeated";

    /// <summary>A calendar notice's key that is not lower-case letters, digits and '-'.</summary>
    public const string NoticeKey = "notice-key";

    /// <summary>A year outside 1900-2199.</summary>
    public const string Year = "year";

    /// <summary>A notice that covers no holiday period and gives no day.</summary>
    public const string NoticeWithoutDays = "notice-without-days";

    /// <summary>A notice's date that is not a date of 1900-2199.</summary>
    public const string CalendarDate = "calendar-date";

    /// <summary>A make-up working day that is not a Saturday or Sunday. Args: the date (dd/MM/yyyy).</summary>
    public const string MakeUpNotWeekend = "make-up-not-weekend";

    /// <summary>A day off on a Saturday or Sunday. Args: the date (dd/MM/yyyy).</summary>
    public const string DayOffOnWeekend = "day-off-on-weekend";

    /// <summary>A notice's date outside its year (and the December before, the January after). Args: the date, the year.</summary>
    public const string DateNotInYear = "date-not-in-year";

    /// <summary>An export's years out of range or too many. Args: the most years.</summary>
    public const string ExportYears = "export-years";

    /// <summary>An iCalendar file that cannot be read.</summary>
    public const string ICalendarUnreadable = "icalendar-unreadable";

    /// <summary>A file without BEGIN:VCALENDAR.</summary>
    public const string ICalendarNotCalendar = "icalendar-not-calendar";

    /// <summary>A recurring event (RRULE).</summary>
    public const string ICalendarRecurring = "icalendar-recurring";

    /// <summary>An event without a document number.</summary>
    public const string ICalendarNoDocument = "icalendar-no-document";

    /// <summary>Events of one notice that disagree. Args: the notice's key.</summary>
    public const string ICalendarDisagrees = "icalendar-disagrees";

    /// <summary>No event to import.</summary>
    public const string ICalendarNoEvent = "icalendar-no-event";

    /// <summary>An event without an all-day DTSTART of 1900-2199.</summary>
    public const string ICalendarStart = "icalendar-start";

    /// <summary>An event whose DTEND is not after DTSTART, or more than 31 days later.</summary>
    public const string ICalendarEnd = "icalendar-end";

    /// <summary>No role ticked.</summary>
    public const string RolesRequired = "roles-required";

    /// <summary>An administrator taking the Admin role from themself.</summary>
    public const string OwnAdminRole = "own-admin-role";

    /// <summary>A password shorter than Identity's minimum.</summary>
    public const string PasswordTooShort = "password-too-short";

    /// <summary>A password without a digit.</summary>
    public const string PasswordDigit = "password-digit";

    /// <summary>A password without a lower-case letter.</summary>
    public const string PasswordLower = "password-lower";

    /// <summary>A password without an upper-case letter.</summary>
    public const string PasswordUpper = "password-upper";

    /// <summary>A password with too few different characters.</summary>
    public const string PasswordVariety = "password-variety";

    /// <summary>A user name another user has.</summary>
    public const string UserNameTaken = "user-name-taken";

    /// <summary>A user name with characters Identity does not allow.</summary>
    public const string UserNameInvalid = "user-name-invalid";

    /// <summary>A unit the agency's catalogue does not have.</summary>
    public const string UnitNotInCatalogue = "unit-not-in-catalogue";

    /// <summary>A unit deactivated in the agency's catalogue.</summary>
    public const string UnitDeactivated = "unit-deactivated";

    /// <summary>Every code, for the test that each has its Vietnamese text.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(ValidationCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
