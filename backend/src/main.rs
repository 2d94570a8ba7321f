use clap::Parser;

fn main() {
    let cli = partner_hub::cli::Cli::parse();
    if let Err(e) = partner_hub::cli::run(cli) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
