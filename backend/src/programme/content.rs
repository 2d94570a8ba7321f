//! The texts of the programme page in each language. German uses the source text's own
//! words ("Mein Business → Digitale Produkte & Software", "Verfügbare Mittel", …) and
//! "Sie", like the rest of the German UI and every German email.

use crate::domain::locale::Locale;
use crate::freelancers::tiers::Tier;

pub struct ProgrammeText {
    pub name: &'static str,
    pub tagline: &'static str,
    pub description: &'static str,
    pub benefits: &'static [(&'static str, &'static str)],
    pub how_to_start: &'static [&'static str],
    pub faq: &'static [(&'static str, &'static str)],
}

pub fn tier_name(tier: Tier, locale: Locale) -> &'static str {
    match (tier, locale) {
        (Tier::TopRated, Locale::De) => "Top-bewertete Freelancer",
        (Tier::Pro, Locale::De) => "Pro-Freelancer",
        (t, _) => t.label(),
    }
}

pub fn text(locale: Locale) -> &'static ProgrammeText {
    match locale {
        Locale::En => &EN,
        Locale::De => &DE,
    }
}

static EN: ProgrammeText = ProgrammeText {
    name: "Products & Software — Microsoft 365 for freelancers",
    tagline: "Resell Microsoft 365 to your clients and earn a commission on every sale.",
    description: "As an IT freelancer you already take care of your clients. With the Partner Hub programme your clients buy Microsoft 365 and other software products directly from us through your personal link, and you get the delegated access you need to manage their subscriptions without friction. Microsoft support is included for you at no cost.",
    benefits: &[
        ("Commission on every sale", "Earn the plan's commission rate on every paid period of every subscription bought through your link — the first purchase and every renewal."),
        ("Delegated access", "Your clients grant you admin rights for a limited time, so you can manage their subscriptions and tenants directly."),
        ("Free Microsoft support", "Our Microsoft support team helps you and your clients at no extra cost."),
        ("One dashboard", "Your referral link, earnings since joining, licences sold, every subscription and every delegation request in one place."),
    ],
    how_to_start: &[
        "Accept your invitation, or create a freelancer account.",
        "Fill in the application form; support reviews it for fit.",
        "Once approved, complete onboarding: personal and business info, the W-9 form if you are based in the US, and the programme terms. Existing freelancers only sign the terms.",
        "Open My Business → Digital Products & Software, copy your referral link and share it with your clients.",
    ],
    faq: &[
        ("When do my earnings become available?", "Earnings appear on your dashboard as soon as a client buys; they are provisional. They become available funds 14 days after the subscription is activated — 7 days for Top Rated, Pro and Seller Plus Premium freelancers."),
        ("My application was rejected. What can I do?", "You can appeal the decision right away from your application page, with an explanation. Support reviews every appeal and emails you the outcome."),
        ("How do I contact support?", "Open a support ticket from your account: choose a category, describe the issue, and you will get an email when support answers."),
        ("Do I need a W-9?", "Yes, if you are based in the United States. The TIN you enter is encrypted and never shown again except for its last four digits."),
        ("Who is the seller?", "Partner Hub sells the subscription directly to your client as the Microsoft partner of record; you never handle payments."),
    ],
};

static DE: ProgrammeText = ProgrammeText {
    name: "Produkte & Software — Microsoft 365 für Freelancer",
    tagline: "Verkaufen Sie Microsoft 365 an Ihre Kunden weiter und erhalten Sie für jeden Verkauf eine Provision.",
    description: "Als IT-Freelancer kümmern Sie sich bereits um Ihre Kunden. Mit dem Programm von Partner Hub kaufen Ihre Kunden Microsoft 365 und andere Softwareprodukte über Ihren persönlichen Link direkt bei uns, und Sie erhalten den delegierten Zugriff, den Sie brauchen, um ihre Abos reibungslos zu verwalten. Der Microsoft-Support ist für Sie kostenlos inbegriffen.",
    benefits: &[
        ("Provision für jeden Verkauf", "Sie erhalten den Provisionssatz des Tarifs für jeden bezahlten Zeitraum jedes Abos, das über Ihren Link gekauft wird — beim ersten Kauf und bei jeder Verlängerung."),
        ("Delegierter Zugriff", "Ihre Kunden geben Ihnen für eine begrenzte Zeit Administratorrechte, damit Sie ihre Abos und Mandanten direkt verwalten können."),
        ("Kostenloser Microsoft-Support", "Unser Microsoft-Support-Team hilft Ihnen und Ihren Kunden ohne zusätzliche Kosten."),
        ("Ein Dashboard", "Ihr Empfehlungslink, Ihre Einnahmen durch Produkte und Software (seit Beitritt), verkaufte Lizenzen, alle Abos und alle Delegationsanfragen an einem Ort."),
    ],
    how_to_start: &[
        "Nehmen Sie Ihre Einladung an oder erstellen Sie ein Freelancer-Konto.",
        "Füllen Sie das Bewerbungsformular aus; der Support prüft, ob das Programm zu Ihnen passt.",
        "Nach der Freigabe schließen Sie das Onboarding ab: persönliche und geschäftliche Angaben, das W-9-Formular, falls Sie in den USA ansässig sind, und die Programmbedingungen. Bestehende Freelancer unterzeichnen nur die Bedingungen.",
        "Öffnen Sie Mein Business → Digitale Produkte & Software, kopieren Sie Ihren Empfehlungslink und teilen Sie ihn mit Ihren Kunden.",
    ],
    faq: &[
        ("Wann werden meine Einnahmen verfügbar?", "Einnahmen erscheinen in Ihrem Dashboard, sobald ein Kunde kauft; bis dahin sind sie vorläufig. Zu verfügbaren Mitteln werden sie 14 Tage nach der Aktivierung des Abos — 7 Tage für Top-bewertete Freelancer, Pro-Freelancer und Seller Plus Premium."),
        ("Meine Bewerbung wurde abgelehnt. Was kann ich tun?", "Sie können auf Ihrer Bewerbungsseite sofort Einspruch einlegen, mit einer Erklärung. Der Support prüft jeden Einspruch und schreibt Ihnen das Ergebnis per E-Mail."),
        ("Wie erreiche ich den Kundensupport?", "Eröffnen Sie in Ihrem Konto ein Support-Ticket: Wählen Sie eine Kategorie, beschreiben Sie das Anliegen, und Sie erhalten eine E-Mail, sobald der Support antwortet."),
        ("Brauche ich ein W-9-Formular?", "Ja, wenn Sie in den Vereinigten Staaten ansässig sind. Die eingegebene Steuernummer (TIN) wird verschlüsselt und nie wieder angezeigt, außer ihren letzten vier Ziffern."),
        ("Wer ist der Verkäufer?", "Partner Hub verkauft das Abo als Microsoft-Partner direkt an Ihren Kunden; Sie wickeln nie Zahlungen ab."),
    ],
};
