namespace OneStop.Api.Desk;

/// <summary>Where an open dossier stands against its statutory due, for the queue's badge and order.</summary>
public enum QueueUrgency
{
    Overdue,
    DueSoon,
    None,
}
