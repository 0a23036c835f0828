use chat_proto::classifier_client::ClassifierClient;
use tonic::transport::{Channel, Endpoint};

pub type Classifier = ClassifierClient<Channel>;

pub fn lazy(url: &str) -> Result<Classifier, tonic::transport::Error> {
    Ok(ClassifierClient::new(Endpoint::from_shared(url.to_string())?.connect_lazy()))
}
